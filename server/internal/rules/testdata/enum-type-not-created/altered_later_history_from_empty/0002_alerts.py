"""alerts take the ticket kind enum

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"

KINDS = ("bug", "task")


def upgrade():
    op.create_table("alerts", sa.Column("id", sa.Integer, primary_key=True))
    op.add_column("alerts", sa.Column("kind", sa.Enum(*KINDS, name="ticket_kind"), nullable=True))  # expect[enum-type-not-created]: enum type "ticket_kind" does not exist yet help: op.add_column never creates enum types


def downgrade():
    op.drop_table("alerts")

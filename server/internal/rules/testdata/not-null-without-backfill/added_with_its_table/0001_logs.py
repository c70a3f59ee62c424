"""logs, and a level added right after the table

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("logs", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("logs", sa.Column("level", sa.String(10), nullable=True))


def downgrade():
    op.drop_table("logs")

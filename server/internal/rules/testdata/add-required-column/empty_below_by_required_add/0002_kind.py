"""events have a kind

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("events", sa.Column("kind", sa.String(20), nullable=False))  # expect[add-required-column:warning]: help: Revision 0001, just below, created "events"


def downgrade():
    op.drop_column("events", "kind")

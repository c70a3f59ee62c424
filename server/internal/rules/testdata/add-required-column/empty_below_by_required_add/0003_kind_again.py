"""the kind becomes an integer, by drop and add: 0002's add passed only on an
empty table, so this one meets rows only if the application wrote some since

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.drop_column("events", "kind")
    op.add_column("events", sa.Column("kind", sa.Integer(), nullable=False))  # expect[add-required-column:warning]: help: Revision 0002, just below, added the NOT NULL column "kind" without a default to "events", which passes on an empty table only and wrote no rows into it


def downgrade():
    op.drop_column("events", "kind")
    op.add_column("events", sa.Column("kind", sa.String(20), nullable=False))  # expect[add-required-column:error]: NOT NULL and no server_default

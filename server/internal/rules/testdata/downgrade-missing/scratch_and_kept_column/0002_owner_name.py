"""owner names, computed through a column for the old ids

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("widgets", sa.Column("previous_owner", sa.Integer(), nullable=True))
    op.add_column("widgets", sa.Column("owner_name", sa.String(80), nullable=True))
    op.execute("UPDATE widgets SET previous_owner = owner_id, owner_name = 'user ' || owner_id")
    op.drop_column("widgets", "previous_owner")


def downgrade():  # expect[downgrade-missing]: upgrade() changes the schema (add_column) but downgrade() does nothing help: op.drop_column("widgets", "owner_name")
    pass

"""renumber owners through a column for the old ids

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("widgets", sa.Column("previous_owner", sa.Integer(), nullable=True))
    op.execute("UPDATE widgets SET previous_owner = owner_id")
    op.execute("UPDATE widgets SET owner_id = previous_owner + 1000")
    op.drop_column("widgets", "previous_owner")


def downgrade():
    pass

"""a scratch column added and dropped again: nothing changes

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("digests", sa.Column("value_tmp", sa.Text(), nullable=True))
    op.drop_column("digests", "value_tmp")
    op.add_column("digests", sa.Column("value_new", sa.Text(), nullable=True))
    op.drop_column("digests", "value_new")
    op.add_column("digests", sa.Column("value_new", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("digests", "value_new")

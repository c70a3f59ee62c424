"""message reference

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("messages", sa.Column("reference", sa.String(length=255), nullable=True))


def downgrade():
    # the downgrade of an add, written as an add
    op.add_column("messages", "reference")  # expect[invalid-op-argument:error]: add_column is given the name "reference" where a Column belongs help: The table has column "reference" at this point, so a Column would fail too (it already exists): to remove it, write op.drop_column("messages", "reference")$

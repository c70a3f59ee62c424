"""owners and authors become user ids

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
    op.add_column("account", sa.Column("owner_id", sa.Integer(), nullable=True))
    op.drop_column("account", "owner")
    op.add_column("note", sa.Column("author_id", sa.Integer(), nullable=True))
    op.drop_column("note", "author")


def downgrade():
    op.add_column("account", sa.Column("owner", sa.Integer(), nullable=False))  # expect[add-required-column:warning]: help: From the heads, the downgrade of 0003 leaves "account" empty before this line runs
    op.drop_column("account", "owner_id")
    op.add_column("note", sa.Column("author", sa.Integer(), nullable=False))  # expect[add-required-column]: NOT NULL and no server_default
    op.drop_column("note", "author_id")

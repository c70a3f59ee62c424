"""documents are keyed by guid, notes by title

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
    op.add_column("docs", sa.Column("guid", sa.Text(), nullable=True))
    op.drop_column("docs", "url")
    op.add_column("notes", sa.Column("title", sa.Text(), nullable=True))
    op.drop_column("notes", "body")


def downgrade():
    op.add_column("notes", sa.Column("body", sa.Text(), nullable=False))  # expect[add-required-column:error]
    op.drop_column("notes", "title")
    op.add_column("docs", sa.Column("url", sa.Text(), nullable=False))  # expect[add-required-column:warning]: help: From the heads, the downgrade of 0004 leaves "docs" empty before this line runs
    op.drop_column("docs", "guid")

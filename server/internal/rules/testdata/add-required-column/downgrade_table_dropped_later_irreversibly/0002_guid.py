"""documents are keyed by guid

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


def downgrade():
    op.add_column("docs", sa.Column("url", sa.Text(), nullable=False))  # expect[add-required-column]: help: passes a downgrade that cannot run, and that of 0003, the nearest above this one, raises.
    op.drop_column("docs", "guid")

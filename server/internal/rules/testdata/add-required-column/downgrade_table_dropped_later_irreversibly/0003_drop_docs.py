"""documents go for good: the downgrade raises before the create_table left below it

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_table("docs")


def downgrade():
    raise NotImplementedError("no way back")
    op.create_table("docs", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("guid", sa.Text(), nullable=True))

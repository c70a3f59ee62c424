"""documents go

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
    op.execute("DROP TABLE IF EXISTS docs")


def downgrade():
    op.create_table("docs", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("guid", sa.Text(), nullable=True))

"""documents and notes go

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_table("notes")
    op.drop_table("docs")


def downgrade():
    op.create_table("docs", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("guid", sa.Text(), nullable=True))
    op.create_table("notes", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("title", sa.Text(), nullable=True))

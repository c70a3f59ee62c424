"""tickets

Revision ID: 5a6b7c8d9e0f
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "5a6b7c8d9e0f"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("tickets", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("title", sa.Text()))


def downgrade():
    op.drop_table("tickets")

"""accounts

Revision ID: 1c2d3e4f5a6b
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "1c2d3e4f5a6b"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("accounts", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("email", sa.Text()))
    op.create_table("owners", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("owners")
    op.drop_table("accounts")

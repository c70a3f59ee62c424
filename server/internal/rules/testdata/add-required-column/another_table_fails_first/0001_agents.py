"""agents and kernels

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("agents", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("kernels", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("kernels")
    op.drop_table("agents")

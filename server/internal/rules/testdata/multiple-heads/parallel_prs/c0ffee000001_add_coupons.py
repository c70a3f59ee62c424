"""revision c0ffee000001

Revision ID: c0ffee000001
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "c0ffee000001"  # expect[multiple-heads]: help: alembic merge heads
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_c0ffee000001", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("t_c0ffee000001")

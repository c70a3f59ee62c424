"""revision c3d4e5f6a7b8

Revision ID: c3d4e5f6a7b8
Revises: a1b2c3d4e5f6
"""
from alembic import op
import sqlalchemy as sa

revision = "c3d4e5f6a7b8"
down_revision = "a1b2c3d4e5f6"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_c3d4e5f6a7b8", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("t_c3d4e5f6a7b8")

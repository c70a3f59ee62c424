"""revision b2c3d4e5f6a7

Revision ID: b2c3d4e5f6a7
Revises: a1b2c3d4e5f
"""
from alembic import op
import sqlalchemy as sa

revision = "b2c3d4e5f6a7"
down_revision = "a1b2c3d4e5f"  # expect[missing-down-revision]: help: (did you mean a1b2c3d4e5f6?)
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_b2c3d4e5f6a7", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("t_b2c3d4e5f6a7")

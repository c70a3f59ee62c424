"""revision a1b2c3d4e5f6

Revision ID: a1b2c3d4e5f6
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "a1b2c3d4e5f6"  # expect[duplicate-revision]: help: is present more than once
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_a1b2c3d4e5f6", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("t_a1b2c3d4e5f6")

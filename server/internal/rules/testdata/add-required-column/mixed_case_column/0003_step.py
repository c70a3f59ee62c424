"""an unrelated step

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
    op.create_table("step_3", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("step_3")

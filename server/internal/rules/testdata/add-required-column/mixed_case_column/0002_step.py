"""an unrelated step

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("step_2", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("step_2")

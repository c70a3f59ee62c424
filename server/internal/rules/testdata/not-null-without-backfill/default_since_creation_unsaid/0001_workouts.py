"""workouts, with a default distance

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
    op.create_table(
        "workouts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("total_distance", sa.Numeric(10, 3), server_default=sa.text("0.0"), nullable=True),
    )


def downgrade():
    op.drop_table("workouts")

"""the distance required: rows got the default unless written NULL

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
    op.alter_column(  # expect[not-null-without-backfill:info]: only rows written with an explicit NULL may be NULL help: Revision "0001" created the column with a server_default
        "workouts",
        "total_distance",
        existing_type=sa.Numeric(10, 3),
        nullable=False,
    )


def downgrade():
    op.alter_column("workouts", "total_distance", existing_type=sa.Numeric(10, 3), nullable=True)

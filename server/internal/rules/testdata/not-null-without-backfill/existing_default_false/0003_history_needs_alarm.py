"""every history row belongs to an alarm: False is Alembic's "not given", not a server default

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
    op.alter_column(  # expect[not-null-without-backfill:warning]
        "alarm_history", "alarm_id", existing_type=sa.String(128), nullable=False, existing_server_default=False
    )


def downgrade():
    op.alter_column("alarm_history", "alarm_id", existing_type=sa.String(128), nullable=True, existing_server_default=False)

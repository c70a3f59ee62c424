"""alarms and their history

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
    op.create_table("alarm", sa.Column("alarm_id", sa.String(128), primary_key=True))
    op.create_table(
        "alarm_history",
        sa.Column("event_id", sa.String(128), primary_key=True),
        sa.Column("alarm_id", sa.String(128), nullable=True),
    )


def downgrade():
    op.drop_table("alarm_history")
    op.drop_table("alarm")

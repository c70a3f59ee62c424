"""background tasks keyed by their uuid

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "background_task",
        sa.Column("task_uuid", sa.String(36), primary_key=True),
        sa.Column("status", sa.String(15)),
    )


def downgrade():
    op.drop_table("background_task")

"""the key column gets a shorter name

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("background_task", "task_uuid", new_column_name="uuid")


def downgrade():
    op.alter_column("background_task", "uuid", new_column_name="task_uuid")

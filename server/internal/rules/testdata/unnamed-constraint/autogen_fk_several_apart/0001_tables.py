"""owner, project and task, the task's keys named

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
    op.create_table("owner", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("project", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "task",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("owner_id", sa.Integer(), sa.ForeignKey("owner.id", name="task_owner_id_fkey")),
        sa.Column("project_id", sa.Integer(), sa.ForeignKey("project.id", name="task_project_id_fkey")),
    )


def downgrade():
    op.drop_table("task")
    op.drop_table("project")
    op.drop_table("owner")

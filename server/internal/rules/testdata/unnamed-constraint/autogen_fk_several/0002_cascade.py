"""the task's keys cascade: autogenerate drops them by name and creates them unnamed

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
    op.drop_constraint("task_owner_id_fkey", "task", type_="foreignkey")
    op.drop_constraint("task_project_id_fkey", "task", type_="foreignkey")
    op.create_foreign_key(None, "task", "owner", ["owner_id"], ["id"], ondelete="CASCADE")  # expect[unnamed-constraint:info]: help: "task_owner_id_fkey"
    op.create_foreign_key(None, "task", "project", ["project_id"], ["id"], ondelete="CASCADE")  # expect[unnamed-constraint:info]: help: "task_project_id_fkey"


def downgrade():
    # the two drops take the two names in either order: both keys go
    op.drop_constraint(None, "task", type_="foreignkey")  # expect[unnamed-constraint]: help: upgrade() creates it unnamed, so PostgreSQL named it "task_project_id_fkey": drop it by that name.
    op.drop_constraint(None, "task", type_="foreignkey")  # expect[unnamed-constraint]: help: upgrade() creates it unnamed, so PostgreSQL named it "task_owner_id_fkey": drop it by that name.
    op.create_foreign_key("task_project_id_fkey", "task", "project", ["project_id"], ["id"])
    op.create_foreign_key("task_owner_id_fkey", "task", "owner", ["owner_id"], ["id"])

"""workspaces, the projects' key to them, and a helper that may drop it

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

from legacy.schema import apply_legacy_changes

revision = "0003"
down_revision = "0002"


def upgrade():
    op.create_table("workspaces", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("projects", sa.Column("workspace_id", sa.Integer(), nullable=True))
    op.create_foreign_key("fk_projects_workspace_id", "projects", "workspaces", ["workspace_id"], ["id"])
    apply_legacy_changes(op)


def downgrade():
    op.drop_table("workspaces")
    op.drop_constraint("fk_projects_workspace_id", "projects", type_="foreignkey")
    op.drop_column("projects", "workspace_id")

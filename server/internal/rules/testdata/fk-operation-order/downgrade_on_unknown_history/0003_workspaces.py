"""workspaces, and the projects' key to them

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.create_table("workspaces", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("projects", sa.Column("workspace_id", sa.Integer(), nullable=True))
    op.create_foreign_key("fk_projects_workspace_id", "projects", "workspaces", ["workspace_id"], ["id"])
    op.create_table("workspace_audit", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("workspace_audit")
    op.drop_table("workspaces")  # expect[fk-operation-order]: drop_table("workspaces") runs while table "projects" still has a foreign key to it
    op.drop_constraint("fk_projects_workspace_id", "projects", type_="foreignkey")
    op.drop_column("projects", "workspace_id")

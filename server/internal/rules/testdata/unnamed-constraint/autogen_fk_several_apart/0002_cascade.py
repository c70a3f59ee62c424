"""the project key cascades, a lead key is added; the downgrade drops a column between the two drops

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
    op.create_foreign_key("task_project_id_fkey", "task", "project", ["project_id"], ["id"], ondelete="CASCADE")
    op.add_column("task", sa.Column("lead_id", sa.Integer(), nullable=True))
    op.create_foreign_key("task_lead_id_fkey", "task", "owner", ["lead_id"], ["id"])


def downgrade():
    # which key the first drop meant decides whether the second finds one:
    # dropping the column dropped its key
    op.drop_constraint(None, "task", type_="foreignkey")  # expect[unnamed-constraint]: help: Name the constraint as it is in the database (PostgreSQL names unnamed ones <table>
    op.drop_column("task", "lead_id")
    op.drop_constraint(None, "task", type_="foreignkey")  # expect[unnamed-constraint]: help: Name the constraint as it is in the database (PostgreSQL names unnamed ones <table>
    op.create_foreign_key("task_project_id_fkey", "task", "project", ["project_id"], ["id"])
    op.create_foreign_key("task_owner_id_fkey", "task", "owner", ["owner_id"], ["id"])

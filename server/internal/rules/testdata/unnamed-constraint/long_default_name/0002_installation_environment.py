"""installation references its environment

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # PostgreSQL cuts the name to 63 characters, from the longer of table and columns
    op.create_foreign_key(None, "robot_github_installations", "software_environments", ["external_software_environment_id"], ["id"])  # expect[unnamed-constraint:info]: leaves the name to PostgreSQL help: Name it as PostgreSQL would: "robot_github_installations_external_software_environment_i_fkey"


def downgrade() -> None:
    op.drop_constraint(None, "robot_github_installations", type_="foreignkey")  # expect[unnamed-constraint]: help: it has no name

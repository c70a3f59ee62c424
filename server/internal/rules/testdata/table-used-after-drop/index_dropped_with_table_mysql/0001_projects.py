"""projects

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
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name_hash", sa.String(40), nullable=False),
    )
    op.create_index("projects_name_hash", "projects", ["name_hash"], unique=True)
    op.create_table("builders", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_index("builders_id", "builders", ["id"])


def downgrade():
    op.drop_index("builders_id")
    op.drop_table("builders")
    op.drop_table("projects")
    # MySQL: DROP INDEX projects_name_hash ON no_table, wherever it runs
    op.drop_index("projects_name_hash")  # expect[table-used-after-drop]: index "projects_name_hash" is gone by then help: to keep it, move it before the drop_table with table_name="projects"

"""drop the tables of the old importer where they are left

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"

OLD_TABLES = ["import_runs", "import_rows"]


def _table_exists(name):
    return name in sa.inspect(op.get_bind()).get_table_names()


def upgrade():
    for name in OLD_TABLES:
        if _table_exists(name):
            op.drop_table(name)
    bind = op.get_bind()
    if bind.dialect.has_table(bind, "import_state"):
        op.drop_table("import_state")


def downgrade():
    """The old importer is gone for good."""

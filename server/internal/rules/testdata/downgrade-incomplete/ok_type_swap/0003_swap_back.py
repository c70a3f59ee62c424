"""swap the type again, renaming the old one away first

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE mechanism RENAME TO mechanism_old")
    op.execute("CREATE TYPE mechanism AS ENUM ('opt_in', 'opt_out', 'notice_only', 'banner')")
    op.execute("ALTER TABLE consent ALTER COLUMN mechanism TYPE mechanism USING mechanism::text::mechanism")
    op.execute("DROP TYPE mechanism_old")


def downgrade():
    op.execute("ALTER TYPE mechanism RENAME TO mechanism_old")
    op.execute("CREATE TYPE mechanism AS ENUM ('opt_in', 'opt_out', 'notice_only')")
    op.execute("DELETE FROM consent WHERE mechanism = 'banner'")
    op.execute("ALTER TABLE consent ALTER COLUMN mechanism TYPE mechanism USING mechanism::text::mechanism")
    op.execute("DROP TYPE mechanism_old")

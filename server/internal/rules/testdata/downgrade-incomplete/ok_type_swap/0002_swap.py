"""new mechanism values: the type is swapped under a temporary name

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TYPE mechanism_new AS ENUM ('opt_in', 'opt_out', 'notice_only')")
    op.execute("ALTER TABLE consent ALTER COLUMN mechanism TYPE mechanism_new USING mechanism::text::mechanism_new")
    op.execute("DROP TYPE mechanism")
    op.execute("ALTER TYPE mechanism_new RENAME TO mechanism")


def downgrade():
    op.execute("CREATE TYPE mechanism_old AS ENUM ('opt_in', 'opt_out')")
    op.execute("DELETE FROM consent WHERE mechanism = 'notice_only'")
    op.execute("ALTER TABLE consent ALTER COLUMN mechanism TYPE mechanism_old USING mechanism::text::mechanism_old")
    op.execute("DROP TYPE mechanism")
    op.execute("ALTER TYPE mechanism_old RENAME TO mechanism")

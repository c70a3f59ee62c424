"""kind c

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
    op.execute("ALTER TYPE kinds ADD VALUE 'c'")


def downgrade():
    op.execute("ALTER TYPE kinds RENAME TO kinds_old")
    op.execute("CREATE TYPE kinds AS ENUM ('a', 'b')")
    op.execute("ALTER TABLE things ALTER COLUMN kind TYPE kinds USING kind::text::kinds")  # expect[enum-value-removed]: drops 'c' help: Move the rows first
    op.execute("DROP TYPE kinds_old")

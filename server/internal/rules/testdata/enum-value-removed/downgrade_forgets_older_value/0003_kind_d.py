"""kind d

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE kinds ADD VALUE 'd'")


def downgrade():
    op.execute("ALTER TYPE kinds RENAME TO kinds_old")
    op.execute("CREATE TYPE kinds AS ENUM ('a', 'b')")
    op.execute("ALTER TABLE things ALTER COLUMN kind TYPE kinds USING kind::text::kinds")  # expect[enum-value-removed]: drops 'c', 'd' help: 'c' is older than this revision (the type below it has it): keep it in the type downgrade() makes
    op.execute("DROP TYPE kinds_old")

"""a kind more, the columns moved to the new type before the old one goes, in one string

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TRIGGER = "things_changed"


def upgrade():
    op.execute("ALTER TYPE kinds RENAME TO kinds_old")
    postgresql.ENUM("a", "b", "c", name="kinds").create(op.get_bind())
    op.execute(
        f"""
DROP TRIGGER IF EXISTS {TRIGGER} ON things;
ALTER TABLE things ALTER COLUMN kind TYPE kinds USING kind::text::kinds;
DROP TYPE kinds_old;
"""
    )


def downgrade():
    op.execute("ALTER TYPE kinds RENAME TO kinds_old")
    postgresql.ENUM("a", "b", name="kinds").create(op.get_bind())
    op.execute("ALTER TABLE things ALTER COLUMN kind TYPE kinds USING kind::text::kinds; DROP TYPE kinds_old")

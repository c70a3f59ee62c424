"""the old type is renamed aside, a new one created, and the old one dropped by a helper given its name

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def _drop_type(name):
    sa.Enum(name=name).drop(op.get_bind(), checkfirst=False)


def upgrade():
    op.execute("ALTER TYPE mechanism RENAME TO mechanism_old")
    sa.Enum("opt_in", "opt_out", "notice_only", name="mechanism").create(op.get_bind(), checkfirst=False)
    op.execute("ALTER TABLE consent ALTER COLUMN mechanism TYPE mechanism USING mechanism::text::mechanism")
    _drop_type("mechanism_old")


def downgrade():
    op.execute("DELETE FROM consent WHERE mechanism = 'notice_only'")
    op.execute("ALTER TYPE mechanism RENAME TO mechanism_new")
    sa.Enum("opt_in", "opt_out", name="mechanism").create(op.get_bind(), checkfirst=False)
    op.execute("ALTER TABLE consent ALTER COLUMN mechanism TYPE mechanism USING mechanism::text::mechanism")
    _drop_type("mechanism_new")

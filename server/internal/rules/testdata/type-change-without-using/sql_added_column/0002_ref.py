"""a column added in SQL, its type changed in SQL later

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("ALTER TABLE items ADD COLUMN ref text")
    op.execute("ALTER TABLE items ALTER COLUMN ref TYPE integer")  # expect[type-change-without-using]: ALTER COLUMN "ref" TYPE integer on "items": no USING, and text does not convert to it help: USING ref::integer


def downgrade():
    op.execute("ALTER TABLE items DROP COLUMN ref")

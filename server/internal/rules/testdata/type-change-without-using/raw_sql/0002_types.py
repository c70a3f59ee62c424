"""types changed in SQL

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("ALTER TABLE items ALTER COLUMN price TYPE numeric(10, 2)")  # expect[type-change-without-using]: ALTER COLUMN "price" TYPE numeric on "items": no USING help: USING price::numeric
    op.execute("ALTER TABLE items ALTER COLUMN tags TYPE integer[]")  # expect[type-change-without-using]: TYPE integer[] on "items" help: cannot be cast automatically to type integer[]
    op.execute("ALTER TABLE items ALTER COLUMN state TYPE item_state")  # expect[type-change-without-using]: TYPE item_state help: USING state::item_state
    op.execute("ALTER TABLE items ALTER COLUMN label TYPE varchar(100)")  # expect[type-change-without-using:warning]: narrows it from varchar(200) help: SELECT count(*) FROM items WHERE length(label) > 100
    op.execute("ALTER TABLE items ALTER COLUMN code TYPE integer USING code::integer")
    op.execute("ALTER TABLE items ALTER COLUMN note TYPE varchar(100)")
    op.execute("ALTER TABLE items ALTER COLUMN qty TYPE bigint, ALTER COLUMN seen TYPE timestamp with time zone")
    op.execute("ALTER TABLE items ALTER COLUMN qty TYPE text")


def downgrade():
    op.execute("ALTER TABLE items ALTER COLUMN qty TYPE integer USING qty::integer")
    op.execute("ALTER TABLE items ALTER COLUMN seen TYPE timestamp, ALTER COLUMN qty TYPE integer")
    op.execute("ALTER TABLE items ALTER COLUMN note TYPE varchar(50)")  # expect[type-change-without-using:warning]: narrows it from varchar(100) help: SELECT count(*) FROM items WHERE length(note) > 50
    op.execute("ALTER TABLE items ALTER COLUMN id TYPE uuid")  # expect[type-change-without-using]: ALTER COLUMN "id" TYPE uuid on "items" in downgrade(): no USING, and integer help: USING id::uuid
    op.execute("ALTER TABLE items ALTER COLUMN code TYPE varchar(50)")
    op.execute("ALTER TABLE items ALTER COLUMN label TYPE varchar(200)")
    op.execute("ALTER TABLE items ALTER COLUMN state TYPE varchar(20) USING state::text")
    op.execute("ALTER TABLE items ALTER COLUMN tags TYPE text[] USING tags::text[]")
    op.execute("ALTER TABLE items ALTER COLUMN price TYPE varchar(20)")

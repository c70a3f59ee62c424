"""type changes that rewrite

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("events", "count", existing_type=sa.Integer(), type_=sa.BigInteger())  # expect[column-type-rewrite]: alter_column rewrites existing table "events": column "count" from integer to bigint
    op.alter_column("events", "doc", type_=postgresql.JSONB())  # expect[column-type-rewrite]: from json to jsonb
    with op.batch_alter_table("events") as batch_op:
        batch_op.alter_column("code", existing_type=sa.String(100), type_=sa.String(50))  # expect[column-type-rewrite]: from varchar(100) to varchar(50)
    op.execute("ALTER TABLE events ALTER COLUMN body TYPE varchar(200)")  # expect[column-type-rewrite]: ALTER COLUMN ... TYPE rewrites existing table "events": column "body" from text to varchar(200) help: writing a new copy of "events"
    op.execute("ALTER TYPE kind RENAME TO kind_old; CREATE TYPE kind AS ENUM ('a', 'b', 'c')")
    op.execute("ALTER TABLE events ALTER COLUMN kind TYPE kind USING kind::text::kind")  # expect[column-type-rewrite]: column "kind" from kind_old to kind help: ALTER TYPE ... ADD VALUE on the old type
    op.execute(sa.text("ALTER TABLE events ALTER COLUMN tags TYPE text[]"))  # expect[column-type-rewrite]: from varchar(20)[] to text[]


def downgrade():
    pass

"""things made again, each drop and create in one string

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DROP INDEX ix_things_name; CREATE INDEX ix_things_name ON things (lower(name))")
    op.execute("DROP SEQUENCE things_seq; CREATE SEQUENCE things_seq START 100")
    op.execute("DROP TABLE things; CREATE TABLE things (id integer PRIMARY KEY, name text NOT NULL)")


def downgrade():
    pass

"""a key over two columns just added without a value: one finding names both

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("heartbeats", sa.Column("executable", sa.String(64)))
    op.add_column("heartbeats", sa.Column("pid", sa.Integer()))
    op.create_primary_key("heartbeats_pk", "heartbeats", ["executable", "host", "pid"])  # expect[not-null-without-backfill:warning]: create_primary_key on table "heartbeats" makes "executable", "pid" NOT NULL: every row is NULL (added above) help: (and likewise for "pid")


def downgrade():
    op.drop_constraint("heartbeats_pk", "heartbeats", type_="primary")
    op.drop_column("heartbeats", "pid")
    op.drop_column("heartbeats", "executable")

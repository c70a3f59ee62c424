"""tables in a schema of their own, and an index on a materialized view

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None

SCHEMA = "notif"


def upgrade():
    op.execute("CREATE SCHEMA " + SCHEMA)
    op.create_table("messages", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("body", sa.Text()), schema=SCHEMA)
    op.create_index("ix_messages_body", "messages", ["body"], schema=SCHEMA)
    op.execute("CREATE MATERIALIZED VIEW mv_counts AS SELECT 1 AS id, 'x' AS name")
    op.execute("CREATE INDEX ix_mv_counts_name ON mv_counts (name)")


def downgrade():
    op.execute("DROP MATERIALIZED VIEW mv_counts")
    op.execute("DROP SCHEMA " + SCHEMA + " CASCADE")

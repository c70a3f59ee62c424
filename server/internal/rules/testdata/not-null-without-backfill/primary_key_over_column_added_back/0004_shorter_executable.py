"""executable becomes shorter: dropped and added back, then keyed again

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"


def upgrade():
    op.drop_constraint("heartbeats_pk", "heartbeats", type_="primary")
    op.drop_column("heartbeats", "executable")
    op.add_column("heartbeats", sa.Column("executable", sa.String(64)))
    op.create_primary_key("heartbeats_pk", "heartbeats", ["executable", "host"])  # expect[not-null-without-backfill:error]: create_primary_key on table "heartbeats" makes "executable" NOT NULL: every row is NULL (added above) help: add_column at line 16 leaves the column NULL in every row the table holds


def downgrade():
    op.drop_constraint("heartbeats_pk", "heartbeats", type_="primary")
    op.drop_column("heartbeats", "executable")
    op.add_column("heartbeats", sa.Column("executable", sa.String(767)))
    op.create_primary_key("heartbeats_pk", "heartbeats", ["executable", "host"])

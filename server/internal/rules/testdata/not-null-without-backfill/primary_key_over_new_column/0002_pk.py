"""a key over a column just added without a value

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("heartbeats", sa.Column("executable", sa.String(64)))
    op.create_primary_key("heartbeats_pk", "heartbeats", ["executable", "host", "thread"])  # expect[not-null-without-backfill:warning]: create_primary_key on table "heartbeats" makes "executable" NOT NULL help: contains null values


def downgrade():
    op.drop_constraint("heartbeats_pk", "heartbeats", type_="primary")
    op.drop_column("heartbeats", "executable")

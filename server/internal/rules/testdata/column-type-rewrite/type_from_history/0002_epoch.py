"""events.at as seconds since the epoch: the type it had comes from the history

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("events", "at", type_=sa.BigInteger(), postgresql_using="extract(epoch from at)::bigint")  # expect[column-type-rewrite]: column "at" from timestamptz to bigint


def downgrade():
    pass

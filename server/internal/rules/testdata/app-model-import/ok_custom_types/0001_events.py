"""events with the application's column types

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy_utils
from geoalchemy2 import Geometry
from sqlalchemy.dialects import postgresql

from myapp.db.types import UTCDateTime
from myapp.settings import DEFAULT_SCHEMA

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "events",
        sa.Column("id", sqlalchemy_utils.UUIDType(), primary_key=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("where", Geometry("POINT"), nullable=True),
        sa.Column("data", postgresql.JSONB(), nullable=True),
        schema=DEFAULT_SCHEMA,
    )


def downgrade():
    op.drop_table("events", schema=DEFAULT_SCHEMA)

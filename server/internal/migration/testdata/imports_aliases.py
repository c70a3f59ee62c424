"""use aliases for op

Revision ID: 3c4d5e6f7a8b
Revises: 2b3c4d5e6f7a
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op as alembic_op
from alembic.op import create_table, drop_table as remove_table
from sqlalchemy.dialects import postgresql
from sqlalchemy import (
    Column,  # used by create_table below
    Integer,
)

revision = "3c4d5e6f7a8b"
down_revision = "2b3c4d5e6f7a"


def upgrade():
    alembic_op.add_column("users", sa.Column("tags", postgresql.ARRAY(sa.Text())))
    create_table("audit_log", Column("id", Integer, primary_key=True))
    op.drop_table("not_alembic_op")


def downgrade():
    remove_table("audit_log")
    alembic_op.drop_column("users", "tags")

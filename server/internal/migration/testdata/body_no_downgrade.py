"""one-way data migration

Revision ID: 5c6d7e8f9a0b
Revises: 4b5c6d7e8f9a
"""
from alembic import op

revision = "5c6d7e8f9a0b"
down_revision = "4b5c6d7e8f9a"


def upgrade():
  # two-space indentation, as some teams' formatters write it
  op.execute("DELETE FROM sessions")
  op.drop_table("sessions_archive")

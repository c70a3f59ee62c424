"""the event log, created only where it is missing

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    if "event_log" in sa.inspect(op.get_bind()).get_table_names():
        return
    op.create_table("event_log", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():  # expect[downgrade-missing]: downgrade() does nothing
    pass

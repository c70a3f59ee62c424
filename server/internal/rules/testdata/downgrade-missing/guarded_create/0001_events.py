"""the event log, unless the command line asks to skip it

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    if op.get_context().get_x_argument(as_dictionary=True).get("skip_events"):
        return
    op.create_table("event_log", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():  # expect[downgrade-missing]: downgrade() does nothing help: behind the same test upgrade() makes before them, or raise
    pass

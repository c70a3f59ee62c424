"""a key over a new column, filled first

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("heartbeats", sa.Column("executable", sa.String(64)))
    op.execute("UPDATE heartbeats SET executable = md5(host), host = coalesce(host, ''), thread = coalesce(thread, 0)")
    op.create_primary_key("heartbeats_pk", "heartbeats", ["executable", "host", "thread"])


def downgrade():
    op.drop_constraint("heartbeats_pk", "heartbeats", type_="primary")
    op.drop_column("heartbeats", "executable")

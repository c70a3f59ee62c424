"""tier

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("users", sa.Column("tier", sa.Text()))
    op.execute("UPDATE users SET tier = 'basic'")  # expect[update-without-where]: UPDATE without WHERE backfills "tier", added to existing table "users" in the same transaction (and 2 more like it) help: The ADD COLUMN's ACCESS EXCLUSIVE lock on "users" is held
    op.execute("UPDATE users SET plan = 'free'")
    op.execute("UPDATE users SET tier = lower(tier)")
    op.execute("ALTER TABLE sessions ADD COLUMN kind text")
    with op.get_context().autocommit_block():
        op.execute("VACUUM ANALYZE sessions")
    op.execute("UPDATE sessions SET kind = 'web'")  # expect[update-without-where]: UPDATE without WHERE changes every row of existing table "sessions" in one transaction


def downgrade():
    op.drop_column("sessions", "kind")
    op.drop_column("users", "tier")

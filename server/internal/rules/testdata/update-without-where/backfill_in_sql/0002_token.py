"""token

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    conn = op.get_bind()
    conn.execute(sa.text("ALTER TABLE sessions ADD COLUMN token text; UPDATE sessions SET token = md5(id::text)"))  # expect[update-without-where]: UPDATE without WHERE backfills "token", added to existing table "sessions" in the same transaction
    op.execute("UPDATE users SET plan = 'free'")
    op.add_column("users", sa.Column("tier", sa.Text()))
    op.execute("UPDATE users SET tier = plan")  # expect[update-without-where]: UPDATE without WHERE backfills "tier", added to existing table "users" in the same transaction (and 2 more like it) help: The same goes for the statement(s) at line(s) 16, 19.
    op.execute("DELETE FROM users")

def downgrade():
    op.drop_column("users", "tier")
    op.execute("ALTER TABLE sessions DROP COLUMN token")

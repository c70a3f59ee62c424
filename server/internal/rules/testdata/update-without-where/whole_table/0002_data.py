"""data

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("UPDATE users SET plan = 'free'")  # expect[update-without-where]: UPDATE without WHERE changes every row of existing table "users" in one transaction
    conn = op.get_bind()
    conn.execute(sa.text("SELECT 1; DELETE FROM sessions"))  # expect[update-without-where]: DELETE without WHERE changes every row of existing table "sessions"


def downgrade():
    pass

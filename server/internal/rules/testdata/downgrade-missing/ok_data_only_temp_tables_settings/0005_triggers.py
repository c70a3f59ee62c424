"""repair durations with the check trigger off

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"


def upgrade():
    op.execute("""
        ALTER TABLE registrations DISABLE TRIGGER consistent_user;
        UPDATE registrations SET user_id = 1 WHERE user_id = 0;
        ALTER TABLE registrations ENABLE TRIGGER consistent_user;
    """)


def downgrade():
    pass

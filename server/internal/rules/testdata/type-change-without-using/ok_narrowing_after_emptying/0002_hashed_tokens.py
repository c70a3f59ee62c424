"""refresh tokens are stored hashed: every session is signed out first

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("DELETE FROM sessions")
    op.alter_column("sessions", "refresh_token", existing_type=sa.String(500), type_=sa.String(255))


def downgrade():
    op.alter_column("sessions", "refresh_token", existing_type=sa.String(255), type_=sa.String(500))

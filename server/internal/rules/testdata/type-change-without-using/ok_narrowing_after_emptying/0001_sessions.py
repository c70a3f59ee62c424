"""sessions

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("refresh_token", sa.String(500), nullable=False),
    )


def downgrade():
    op.drop_table("sessions")

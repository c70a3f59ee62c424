"""heartbeats

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "heartbeats",
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("thread", sa.Integer(), nullable=False),
    )


def downgrade():
    op.drop_table("heartbeats")

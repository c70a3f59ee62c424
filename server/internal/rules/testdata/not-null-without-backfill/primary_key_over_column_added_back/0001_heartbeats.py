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
        sa.Column("executable", sa.String(767), nullable=False),
        sa.Column("host", sa.String(128), nullable=False),
        sa.PrimaryKeyConstraint("executable", "host", name="heartbeats_pk"),
    )


def downgrade():
    op.drop_table("heartbeats")

"""webhooks and their replies

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "webhooks",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("key", sa.String(), nullable=False),
    )
    op.create_table(
        "webhook_replies",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("webhook_id", sa.String(), nullable=True),
    )


def downgrade():
    op.drop_table("webhook_replies")
    op.drop_table("webhooks")

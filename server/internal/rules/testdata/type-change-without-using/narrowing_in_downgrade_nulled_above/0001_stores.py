"""stores

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "stores",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email_host", sa.String(1000)),
        sa.Column("email_user", sa.String(1000)),
        sa.Column("email_port", sa.String(10)),
        sa.Column("email_name", sa.String(100)),
        sa.Column("email_sender", sa.String(100)),
    )


def downgrade():
    op.drop_table("stores")

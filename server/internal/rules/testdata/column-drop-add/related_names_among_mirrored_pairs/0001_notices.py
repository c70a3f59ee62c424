"""notices

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "notice",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("packages", sa.JSON()),
        sa.Column("summary", sa.String()),
    )


def downgrade():
    op.drop_table("notice")

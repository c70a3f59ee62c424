"""t

Revision ID: a1
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "a1"
down_revision = None


def upgrade():
    op.create_table(
        "pictures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String()),
        sa.Column("arch", sa.String()),
        sa.Column("tag", sa.String()),
        sa.Index("ix_pictures_title_arch", "title", "arch", unique=True),
    )


def downgrade():
    op.drop_table("pictures")

"""links

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("links", sa.Column("source", sa.Text(), nullable=False), sa.Column("target", sa.Text(), nullable=False))
    op.execute("INSERT INTO links (source, target) VALUES ('a', 'b')")


def downgrade():
    op.drop_table("links")

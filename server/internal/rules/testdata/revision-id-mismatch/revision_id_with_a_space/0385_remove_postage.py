"""remove postage

Revision ID: 0385_remove postage  # expect[revision-id-mismatch]: the docstring says "Revision ID: 0385_remove postage" but revision = "0385_remove_postage"
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0385_remove_postage"
down_revision = None


def upgrade():
    op.drop_column("templates", "postage")


def downgrade():
    op.add_column("templates", sa.Column("postage", sa.String(), nullable=True))

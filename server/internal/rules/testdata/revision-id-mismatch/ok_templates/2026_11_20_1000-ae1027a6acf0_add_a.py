"""add a (file template with a date prefix)

Revision ID: ae1027a6acf0
Revises: None
"""
from alembic import op
import sqlalchemy as sa

revision = "ae1027a6acf0"
down_revision = None


def upgrade():
    op.create_table("a", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("a")

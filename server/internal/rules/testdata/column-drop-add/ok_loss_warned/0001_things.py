"""things with a single tag

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("things", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("tag", sa.String(), nullable=True))


def downgrade():
    op.drop_table("things")

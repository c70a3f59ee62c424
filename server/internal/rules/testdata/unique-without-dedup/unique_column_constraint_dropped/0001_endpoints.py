"""endpoints

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("endpoint", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("project", sa.String(64)))


def downgrade():
    op.drop_table("endpoint")

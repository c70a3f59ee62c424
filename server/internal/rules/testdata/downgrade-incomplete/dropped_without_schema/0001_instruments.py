"""instruments, in their own schema

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("instrument", sa.Column("id", sa.Integer(), primary_key=True), schema="catalog")


def downgrade():
    op.drop_table("instrument", schema="catalog")

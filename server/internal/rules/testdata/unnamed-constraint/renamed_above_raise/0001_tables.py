"""users and their events

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("eventsusers", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("user_id", sa.Integer()))


def downgrade():
    op.drop_table("eventsusers")
    op.drop_table("users")

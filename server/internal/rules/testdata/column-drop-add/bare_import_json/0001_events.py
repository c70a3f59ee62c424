"""events

Revision ID: ev0001
Revises:
"""
from alembic.op import create_table, drop_table
import sqlalchemy as sa

revision = "ev0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    create_table("events", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("payload", sa.JSON()))


def downgrade():
    drop_table("events")

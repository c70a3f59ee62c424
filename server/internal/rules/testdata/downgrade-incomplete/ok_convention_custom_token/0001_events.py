"""events and rooms

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("rooms", sa.Column("id", sa.Integer(), primary_key=True), schema="events")
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("duration", sa.Interval(), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=True),
        schema="events",
    )


def downgrade():
    op.drop_table("events", schema="events")
    op.drop_table("rooms", schema="events")

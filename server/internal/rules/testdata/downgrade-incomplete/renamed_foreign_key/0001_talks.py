"""rooms and talks

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("room", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "talk",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("room_id", sa.Integer(), sa.ForeignKey("room.id", name="talk_old_room_fkey")),
    )


def downgrade():
    op.drop_table("talk")
    op.drop_table("room")

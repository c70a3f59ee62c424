"""rooms, speakers and talks

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("room", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("speaker", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "talk",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("room_id", sa.Integer(), sa.ForeignKey("room.id", name="talk_room_fk")),
        sa.Column("speaker_id", sa.Integer(), sa.ForeignKey("speaker.id", name="talk_speaker_fk")),
    )


def downgrade():
    op.drop_table("talk")
    op.drop_table("speaker")
    op.drop_table("room")

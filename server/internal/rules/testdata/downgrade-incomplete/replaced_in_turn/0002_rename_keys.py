"""both foreign keys of talk under PostgreSQL's names: each new key replaces the old one of its column

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("talk", sa.Column("note", sa.Text(), nullable=True))
    op.drop_constraint("talk_room_fk", "talk", type_="foreignkey")
    op.drop_constraint("talk_speaker_fk", "talk", type_="foreignkey")
    op.create_foreign_key("talk_room_id_fkey", "talk", "room", ["room_id"], ["id"])  # expect[downgrade-incomplete]: help: It replaces "talk_room_fk", which upgrade() drops (line 15)
    op.create_foreign_key("talk_speaker_id_fkey", "talk", "speaker", ["speaker_id"], ["id"])  # expect[downgrade-incomplete]: help: It replaces "talk_speaker_fk", which upgrade() drops (line 16)


def downgrade():
    op.drop_column("talk", "note")

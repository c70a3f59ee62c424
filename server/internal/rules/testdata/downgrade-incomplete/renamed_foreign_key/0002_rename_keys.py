"""foreign keys named as PostgreSQL would

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("talk", sa.Column("note", sa.Text(), nullable=True))
    op.drop_constraint("talk_old_room_fkey", "talk", type_="foreignkey")
    op.create_foreign_key("talk_room_id_fkey", "talk", "room", ["room_id"], ["id"])  # expect[downgrade-incomplete]: help: It replaces "talk_old_room_fkey", which upgrade() drops (line 15) and downgrade() never creates again: after `alembic downgrade` the next `alembic upgrade` fails there first, with: constraint "talk_old_room_fkey" of relation "talk" does not exist


def downgrade():
    op.drop_column("talk", "note")

"""talk indexes

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    # a drop IF EXISTS never fails, and one the upgrade creates again is there on the next run
    op.execute("ALTER TABLE talk DROP CONSTRAINT IF EXISTS talk_legacy_key")
    op.create_unique_constraint("talk_room_key", "talk", ["room_id"])  # expect[downgrade-incomplete]: help: After `alembic downgrade` the next `alembic upgrade` fails with: relation "talk_room_key" already exists
    op.create_index("ix_talk_note", "talk", ["note"])
    op.drop_index("ix_talk_note", table_name="talk")
    op.create_index("ix_talk_note", "talk", ["note", "id"])
    op.create_index("ix_talk_id_note", "talk", ["id", "note"])  # expect[downgrade-incomplete]: help: After `alembic downgrade` the next `alembic upgrade` fails with: relation "ix_talk_id_note" already exists
    op.add_column("talk", sa.Column("slot", sa.Integer(), nullable=True))


def downgrade():
    op.drop_index("ix_talk_note", table_name="talk")
    op.drop_column("talk", "slot")

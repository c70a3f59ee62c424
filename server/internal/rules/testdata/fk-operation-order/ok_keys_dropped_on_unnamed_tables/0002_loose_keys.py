"""every table loses its foreign keys, by SQL with the table's name filled in

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"

def upgrade():
    keys = op.get_bind().execute(sa.text("SELECT conrelid::regclass::text, conname FROM pg_constraint WHERE contype = 'f'"))
    for table, key in keys:
        op.execute(f"ALTER TABLE {table} DROP CONSTRAINT {key}")


def downgrade():
    pass

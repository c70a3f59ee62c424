"""a new kind, by a type swap in a helper that takes the enum types

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"

old_kinds = ("CREATED", "DELETED")
old_kind_enum = sa.Enum(*old_kinds, name="eventkind")
new_kind_enum = sa.Enum(*(old_kinds + ("MOVED",)), name="eventkind")


def swap_enum(table_name, column_name, from_enum, to_enum):
    op.execute("ALTER TYPE {} RENAME TO {}_old".format(from_enum.name, from_enum.name))
    to_enum.create(op.get_bind(), checkfirst=False)
    op.alter_column(table_name, column_name, type_=to_enum, postgresql_using="{}::text::{}".format(column_name, to_enum.name))
    op.execute("DROP TYPE {}_old".format(from_enum.name))


def upgrade():
    swap_enum("events", "kind", old_kind_enum, new_kind_enum)


def downgrade():
    op.execute("DELETE FROM events WHERE kind = 'MOVED'")
    swap_enum("events", "kind", new_kind_enum, old_kind_enum)

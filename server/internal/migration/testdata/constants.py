"""widgets: names held in constants

Revision ID: b2c3d4e5f6a7
Revises: a1b2c3d4e5f6
"""
from alembic import op
import sqlalchemy as sa

revision = "b2c3d4e5f6a7"
down_revision = "a1b2c3d4e5f6"

TABLE = "widgets"
COLUMN = "colour"
FK_NAME = "fk_widgets_owner"
OWNERS = PARENT = "owners"
REFERENCED = OWNERS
SCHEMA: str = "inventory"

REASSIGNED = "first"
REASSIGNED = "second"

if sa.__version__ >= "2":
    BRANCHED = "new"

CHANGED_BY_HELPER = "before"


def _rename():
    global CHANGED_BY_HELPER
    CHANGED_BY_HELPER = "after"


def upgrade():
    op.add_column(TABLE, sa.Column(COLUMN, sa.String(20)), schema=SCHEMA)
    op.create_foreign_key(FK_NAME, TABLE, REFERENCED, ["owner_id"], ["id"])
    op.drop_column(REASSIGNED, COLUMN)
    op.drop_column(BRANCHED, COLUMN)
    op.drop_column(CHANGED_BY_HELPER, COLUMN)


def downgrade():
    table = "widgets"
    op.drop_constraint(FK_NAME, table, type_="foreignkey")
    if op.get_context().dialect.name == "sqlite":
        table = "widgets_sqlite"
        op.drop_column(table, "sqlite_only")
    op.drop_column(table, COLUMN)
    table = PARENT
    op.drop_column(table, "owner_id")

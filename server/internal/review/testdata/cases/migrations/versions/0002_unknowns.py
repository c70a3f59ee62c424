"""effects that cannot be read statically

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

from myapp import maintenance

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLES = maintenance.tables()


def _backfill(table):
    op.execute(f"UPDATE {table.name} SET qty = 0 WHERE qty IS NULL")


def upgrade():
    statement = build_statement()
    op.execute(statement)
    _backfill(sa.table("items"))
    maintenance.rebuild(op.get_bind())
    if op.get_context().dialect.name == "postgresql":
        op.create_index("ix_items_name", "items", ["name"])
    for table in TABLES:
        op.add_column(table, sa.Column("note", sa.Text(), nullable=True))
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


def downgrade():
    op.drop_index("ix_items_name", table_name="items")


def build_statement():
    return maintenance.statement("items")

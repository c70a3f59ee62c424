"""split into helpers

Revision ID: 6f7a8b9c0d1e
Revises: 5e6f7a8b9c0d
"""
from alembic import op as alembic_op
import sqlalchemy as sa

revision = "6f7a8b9c0d1e"
down_revision = "5e6f7a8b9c0d"


def _add_flags(table):
    alembic_op.add_column(table, sa.Column("is_active", sa.Boolean(), nullable=True))
    _backfill(table)


def _backfill(table):
    alembic_op.execute("UPDATE %s SET is_active = true" % table)


def _with_op(op: "Operations", name: str) -> None:
    op.drop_column(name, "legacy_flag")


def _untyped(op):
    op.drop_table("scratch")


def upgrade(*args, **kwargs) -> None:
    alembic_op.create_table("flags", sa.Column("id", sa.Integer(), primary_key=True))
    _add_flags("users")
    _with_op(alembic_op, "users")
    _untyped(alembic_op)

    def _nested():
        alembic_op.drop_table("never_walked")

    cleanup = lambda: alembic_op.drop_table("never_walked_either")
    alembic_op.drop_table("tmp_flags")


def downgrade() -> None:
    if alembic_op.get_context().dialect.name == "postgresql":
        _untyped(alembic_op)
    alembic_op.drop_column("users", "is_active")
    alembic_op.drop_table("flags")
    _rebinds("users")
    _keyword(column="state", table=TABLE)


def _rebinds(table):
    table = "old_" + table
    alembic_op.drop_table(table)


def _keyword(table, column):
    alembic_op.drop_column(table, column)


TABLE = "orders"

"""hand-written mistakes

Revision ID: 2f3a4b5c6d7e
Revises: 1e2f3a4b5c6d
"""
from alembic import op
import sqlalchemy as sa

revision = "2f3a4b5c6d7e"
down_revision = "1e2f3a4b5c6d"

INDEX_KW = {"unique": True}
COLUMNS = [sa.Column("id", sa.Integer())]


def upgrade():
    op.alter_column("users", "age", type=sa.BigInteger())
    op.drop_constraint(None, "users", type="foreignkey")
    op.alter_column("users", "name", new_name="full_name", default="x")
    op.drop_index("ix_users_email", concurrently=True)
    op.add_column("users", sa.Column("a", sa.Integer()), "extra", "more")
    op.add_column("users")
    op.create_foreign_key("fk", "a", "b", ["x"])
    op.rename_table("a", new_table_name="b", old_table_name="c")
    op.create_index("ix_users_email", "users", ["email"], **INDEX_KW)
    op.create_table("users", *COLUMNS)
    op.add_column(*("users", sa.Column("b", sa.Integer())))
    op.drop_column("users", "c", cascade=True, **{"schema": "public"})
    op.create_check_constraint("ck", "users", "a > 0", postgresql_not_valid=True, oracle_foo=1, sqlite_on_conflict="x")
    op.add_column("users", sa.Column("d", sa.Integer()), postgresql_if_not_exists=True)
    with op.batch_alter_table("users") as batch_op:
        batch_op.alter_column("age", type=sa.Integer())
        batch_op.add_column("users", sa.Column("e", sa.Integer()))
        batch_op.create_index("ix", ["a"], table_name="users")


def downgrade():
    pass

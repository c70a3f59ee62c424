"""one change on several tables, written as loops

Revision ID: c3d4e5f6a7b8
Revises: b2c3d4e5f6a7
"""
from alembic import op
import sqlalchemy as sa

revision = "c3d4e5f6a7b8"
down_revision = "b2c3d4e5f6a7"

TABLES = ("orders", "invoices")
CREATED = {"orders": "placed_at", "invoices": "issued_at"}
GROWING = ["a"]
GROWING.append("b")


def upgrade():
    for t in ("users", "accounts"):
        op.drop_column(t, "legacy")
    for table, column in [("users", "nickname"), ("accounts", "alias")]:
        op.add_column(table, sa.Column(column, sa.String(40)))
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_index("ix_legacy")
    for table, column in CREATED.items():
        op.alter_column(table, "created", new_column_name=column)
    for i, (table, column) in enumerate(zip(TABLES, ["placed_at", "issued_at"])):
        op.create_index("ix_%d" % i, table, [column])
    for table in GROWING:
        op.drop_table(table)
    for table in ("a", "b"):
        if table == "b":
            break
        op.drop_table(table)
    else:
        op.drop_table("after_break")
    for table in ("c",):
        for column in ("x", "y"):
            op.drop_column(table, column)
    else:
        op.drop_table("after_all")


def downgrade():
    for table in op.get_bind().execute(sa.text("SELECT name FROM tables")):
        op.drop_table(table)
    for table in []:
        op.drop_table(table)

"""batch blocks in Python 3.10 parenthesized with statements

Revision ID: a1b2c3d4e5f6
Revises: 9c0d1e2f3a4b
"""
from alembic import op
import sqlalchemy as sa

revision = "a1b2c3d4e5f6"
down_revision = "9c0d1e2f3a4b"


def upgrade():
    with (op.batch_alter_table("widgets") as batch_op):
        batch_op.add_column(sa.Column("size", sa.Integer()))

    with (op.batch_alter_table("orders") as orders, op.batch_alter_table("items") as items):
        orders.drop_column("legacy")
        items.drop_column("legacy")

    with (
        op.batch_alter_table("a") as a,
        op.batch_alter_table("b", schema="s") as b,
    ):
        a.drop_index("ix_a")
        b.create_unique_constraint("uq_b", ["x"])

    with (op.batch_alter_table("single") as single,):
        single.drop_constraint("ck_single", type_="check")

    with (op.batch_alter_table("wrapped")) as wrapped:
        wrapped.alter_column("c", nullable=False)

    with ((  # a comment inside the parentheses
        op.batch_alter_table("nested") as nested
    )):
        nested.drop_column("c")

    with (op.batch_alter_table("plain")):
        op.drop_column("plain", "c")


def downgrade():
    with (op.batch_alter_table("widgets") as batch_op, op.get_context().autocommit_block()):
        batch_op.drop_column("size")

"""order checks written as SQLAlchemy expressions

Revision ID: f6a7b8c9d0e1
Revises: e5f6a7b8c9d0
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy import and_, column

revision = "f6a7b8c9d0e1"
down_revision = "e5f6a7b8c9d0"


def upgrade():
    op.create_check_constraint("ck_orders_paid_at", "orders", sa.column("paid_at").is_not(None))
    op.create_check_constraint("ck_orders_total", "orders", sa.column("total").isnot(None))
    op.create_check_constraint("ck_orders_note", "orders", sa.text("note IS NOT NULL"))
    op.create_check_constraint("ck_orders_code", "orders", "code IS NOT NULL")
    op.create_check_constraint(
        "ck_orders_state",
        "orders",
        and_(column("state").in_(["new", "paid"]), sa.or_(column("qty") > 0, column("Refund") == None)),
    )
    with op.batch_alter_table("orders") as batch_op:
        batch_op.create_check_constraint("ck_orders_qty", (sa.column("qty") >= 0) & ~(sa.column("qty") > 100))
    condition = sa.column("owner_id", sa.Integer).is_(None) | sa.column("kind").between(1, 3)
    op.create_check_constraint("ck_orders_owner", "orders", condition)
    op.create_check_constraint("ck_orders_length", "orders", sa.func.length(sa.column("code")) > 2)
    op.create_check_constraint("ck_orders_where", "orders", sa.column("note") != "it's")


def downgrade():
    pass

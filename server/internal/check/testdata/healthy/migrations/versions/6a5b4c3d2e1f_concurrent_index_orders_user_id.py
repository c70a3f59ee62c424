"""Index orders.user_id without blocking writes.

CREATE/DROP INDEX CONCURRENTLY cannot run inside a transaction block, so both
directions run in an autocommit block.

Revision ID: 6a5b4c3d2e1f
Revises: 1c2d3e4f5a6b
Create Date: 2023-10-03 19:12:07.245530
"""
from alembic import op

# revision identifiers, used by Alembic.
revision = "6a5b4c3d2e1f"
down_revision = "1c2d3e4f5a6b"
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index(
            op.f("ix_orders_user_id"),
            "orders",
            ["user_id"],
            unique=False,
            postgresql_concurrently=True,
        )


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index(
            op.f("ix_orders_user_id"),
            table_name="orders",
            postgresql_concurrently=True,
        )

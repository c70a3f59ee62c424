"""orders; objects go with their table or column

Revision ID: 0002
Revises: 0001
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "0002"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
    )
    op.create_index("ix_orders_user_id", "orders", ["user_id"])
    op.create_foreign_key("fk_orders_user_id_users", "orders", "users", ["user_id"], ["id"])
    op.add_column("users", sa.Column("nickname", sa.String(50), nullable=True))
    op.create_index("ix_users_nickname", "users", ["nickname"])
    op.create_unique_constraint("uq_users_nickname", "users", ["nickname"])
    # a temporary table, gone again before the upgrade ends
    op.create_table("users_tmp", sa.Column("id", sa.Integer()))
    op.drop_table("users_tmp")
    # an index rebuilt: the downgrade cannot just drop it
    op.drop_index("ix_users_name", table_name="users")
    op.create_index("ix_users_name", "users", ["name", "email"])


def downgrade() -> None:
    op.drop_column("users", "nickname")
    op.drop_table("orders")

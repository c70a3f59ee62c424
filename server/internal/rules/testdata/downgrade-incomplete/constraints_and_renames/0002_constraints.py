"""constraints and renames

Revision ID: b2c3d4e5f6a7
Revises: a1b2c3d4e5f6
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "b2c3d4e5f6a7"
down_revision: Union[str, None] = "a1b2c3d4e5f6"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

SCHEMA = "public"


def upgrade() -> None:
    op.create_foreign_key("fk_child_parent_id_parent", "child", "parent", ["parent_id"], ["id"], ondelete="CASCADE")  # expect[downgrade-incomplete]: help: constraint "fk_child_parent_id_parent" for relation "child" already exists
    op.create_unique_constraint("uq_child_code", "child", ["code"])  # expect[downgrade-incomplete]: help: relation "uq_child_code" already exists
    op.create_check_constraint("ck_child_qty_positive", "child", "qty > 0")
    op.rename_table("legacy_items", "items", schema=SCHEMA)  # expect[downgrade-incomplete]: help: relation "legacy_items" does not exist
    op.alter_column("child", "code", new_column_name="sku", existing_type=sa.String(20))  # expect[downgrade-incomplete]: help: op.alter_column("child", "sku", new_column_name="code", existing_type=sa.String(20))
    op.create_table_comment("child", "Order lines", existing_comment=None)  # expect[downgrade-incomplete]: help: op.drop_table_comment("child", existing_comment="Order lines")


def downgrade() -> None:
    op.drop_constraint("ck_child_qty_positive", "child", type_="check")

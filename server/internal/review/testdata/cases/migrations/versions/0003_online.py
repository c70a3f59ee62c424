"""online patterns

Revision ID: 0003
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0001"
branch_labels = ("online",)
depends_on = None


def upgrade():
    op.execute("SET lock_timeout = '5s'")
    with op.get_context().autocommit_block():
        op.execute("ALTER TYPE item_status ADD VALUE IF NOT EXISTS 'archived'")
        op.create_index("ix_items_qty", "items", ["qty"], postgresql_concurrently=True)
    op.add_column("items", sa.Column("token", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=True))
    op.add_column("items", sa.Column("created", sa.DateTime(), server_default=sa.func.now(), nullable=False))
    op.create_foreign_key("tags_item_fk", "tags", "items", ["item_id"], ["id"], postgresql_not_valid=True)
    op.execute("ALTER TABLE tags VALIDATE CONSTRAINT tags_item_fk")
    op.create_check_constraint("items_qty_positive", "items", "qty > 0", postgresql_not_valid=True)
    with op.batch_alter_table("items") as batch_op:
        batch_op.alter_column("qty", existing_type=sa.Integer(), type_=sa.BigInteger())
        batch_op.alter_column("name", existing_type=sa.String(length=50), type_=sa.String(length=100))
    op.execute("UPDATE items SET qty = 0")
    op.bulk_insert(sa.table("tags", sa.column("id")), [{"id": 1}, {"id": 2}])


def downgrade():
    op.execute("DELETE FROM tags WHERE id IN (1, 2)")
    with op.batch_alter_table("items") as batch_op:
        batch_op.alter_column("name", existing_type=sa.String(length=100), type_=sa.String(length=50))
        batch_op.alter_column("qty", existing_type=sa.BigInteger(), type_=sa.Integer())
    op.drop_constraint("items_qty_positive", "items", type_="check")
    op.drop_constraint("tags_item_fk", "tags", type_="foreignkey")
    op.drop_column("items", "created")
    op.drop_column("items", "token")
    with op.get_context().autocommit_block():
        op.drop_index("ix_items_qty", table_name="items", postgresql_concurrently=True)

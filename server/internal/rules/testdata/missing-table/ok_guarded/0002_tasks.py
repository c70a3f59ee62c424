"""downgrade drops that may not fail: IF EXISTS, a view, a name but for case, a condition

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("CREATE VIEW product_names AS SELECT id FROM products")


def downgrade():
    op.drop_table("product_names")
    op.drop_table("legacy_products", if_exists=True)
    op.drop_table("Products")
    if op.get_context().opts.get("legacy"):
        op.drop_table("legacy_orders")

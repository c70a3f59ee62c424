"""orders get a region and a string key

Revision ID: 0002_region
Revises: 0001_orders
"""
from alembic.op import add_column, drop_column
import sqlalchemy as sa

revision = "0002_region"
down_revision = "0001_orders"
branch_labels = None
depends_on = None

region_column = sa.Column("region", sa.String(8), nullable=False)


def upgrade():
    add_column("orders", region_column)  # expect[add-required-column:warning]: help: UPDATE orders SET region = <value>
    add_column("orders", sa.Column("public_key", sa.String(32), primary_key=True))  # expect[add-required-column:warning]: "public_key"


def downgrade():
    drop_column("orders", "public_key")
    drop_column("orders", "region")

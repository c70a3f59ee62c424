"""placed_at index again, and a log table by SQL

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.create_index("ix_orders_placed_at", "orders", ["placed_at"])  # expect[object-already-exists]: creates index "ix_orders_placed_at", which table "orders" already has here help: relation "ix_orders_placed_at" already exists
    op.execute("CREATE TABLE order_log (id integer PRIMARY KEY)")
    op.execute("CREATE TABLE order_log (id integer PRIMARY KEY)")  # expect[object-already-exists]: creates table "order_log"


def downgrade():
    op.execute("DROP TABLE order_log")
    op.drop_index("ix_orders_placed_at", table_name="orders")

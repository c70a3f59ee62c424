"""a residence type; the downgrade drops the orders' type instead of its own

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    residence = postgresql.ENUM("same_unit", "another_unit", name="residence")
    residence.create(op.get_bind(), checkfirst=True)
    op.add_column("orders", sa.Column("residence", residence, nullable=True))


def downgrade():
    op.drop_column("orders", "residence")
    op.execute("DROP TYPE IF EXISTS order_state;")  # expect[enum-type-dropped-while-used]: enum type "order_state" is dropped in downgrade() while order_history.state, orders.state still use it

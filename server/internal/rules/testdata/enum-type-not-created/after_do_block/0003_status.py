"""orders get a status and a state

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"


def upgrade():
    op.add_column("orders", sa.Column("state", postgresql.ENUM("open", "closed", name="order_state", create_type=False)))
    op.add_column("orders", sa.Column("status", sa.Enum("new", "paid", name="order_status"), nullable=True))  # expect[enum-type-not-created]: enum type "order_status" does not exist yet


def downgrade():
    op.drop_column("orders", "status")
    op.drop_column("orders", "state")

"""shipments

Revision ID: 3f4a5b6c7d8e
Revises: 2e3f4a5b6c7d
Create Date: 2023-12-04 11:08:33.642219

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = "3f4a5b6c7d8e"
down_revision = "2e3f4a5b6c7d"
branch_labels = None
depends_on = None


def upgrade():
    # order_status already exists (0003_orders owns it): reuse it without
    # emitting CREATE TYPE.
    op.create_table(
        "shipments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            postgresql.ENUM(
                "pending",
                "shipped",
                "cancelled",
                "refunded",
                name="order_status",
                create_type=False,
            ),
            nullable=False,
        ),
        sa.Column("carrier", sa.String(length=50), nullable=True),
        sa.Column("shipped_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name="fk_shipments_order_id_orders"
        ),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    # The type stays: orders.status still uses it.
    op.drop_table("shipments")

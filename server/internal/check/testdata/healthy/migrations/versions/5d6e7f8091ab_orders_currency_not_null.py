"""orders.currency, required

Revision ID: 5d6e7f8091ab
Revises: 0007_add_invoices
Create Date: 2023-07-04 09:02:27.655013

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "5d6e7f8091ab"
down_revision = "0007_add_invoices"
branch_labels = None
depends_on = None


def upgrade():
    # Three steps so that existing orders never violate NOT NULL:
    # add nullable, backfill, then tighten.
    op.add_column("orders", sa.Column("currency", sa.String(length=3), nullable=True))
    op.execute("UPDATE orders SET currency = 'EUR' WHERE currency IS NULL")
    op.alter_column(
        "orders", "currency", existing_type=sa.String(length=3), nullable=False
    )


def downgrade():
    op.drop_column("orders", "currency")

"""Invoice amounts are never negative.

Revision ID: 0017_invoice_amount_check
Revises: 7f6e5d4c3b2a
Create Date: 2023-11-06 12:12:45.930114
"""
from alembic import op

revision = "0017_invoice_amount_check"
down_revision = "7f6e5d4c3b2a"
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint(
        "ck_invoices_amount_positive", "invoices", "amount >= 0"
    )


def downgrade():
    op.drop_constraint("ck_invoices_amount_positive", "invoices", type_="check")

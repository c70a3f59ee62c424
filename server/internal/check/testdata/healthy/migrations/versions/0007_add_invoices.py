"""Add invoices.

Revision ID: 0007_add_invoices
Revises: e2a7b9c4d615
Create Date: 2023-06-20 17:31:09.118842
"""
from alembic import op
import sqlalchemy as sa

revision = "0007_add_invoices"
down_revision = "e2a7b9c4d615"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=True),
        sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column(
            "issued_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name="fk_invoices_order_id_orders",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id"),
        comment="Invoices issued for orders",
    )


def downgrade():
    op.drop_table("invoices")

"""drop the unused state column; its enum type stays in the database

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_column("invoices", "state")
    op.drop_table("invoice_log")


def downgrade():
    op.create_table(
        "invoice_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum("created", "paid", name="log_kind", create_type=False), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.add_column("invoices", sa.Column("state", sa.Enum("draft", "sent", "paid", name="invoice_state"), nullable=True))

"""drop the unused state column; and its enum type

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
    op.execute("DROP TYPE invoice_state")


def downgrade():
    op.add_column("invoices", sa.Column("state", sa.Enum("draft", "sent", "paid", name="invoice_state"), nullable=True))  # expect[enum-type-not-created]: nothing earlier in downgrade() creates it
    op.add_column("invoices", sa.Column("flag", sa.Enum("red", "green", name="invoice_flag"), nullable=True))  # expect[enum-type-not-created]: nothing earlier in downgrade() creates it

"""invoice status

Revision ID: 2b3c4d5e6f7a
Revises: 1a2b3c4d5e6f
Create Date: 2024-04-02 09:30:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "2b3c4d5e6f7a"
down_revision = "1a2b3c4d5e6f"
branch_labels = None
depends_on = None

invoice_status = postgresql.ENUM("draft", "sent", name="invoice_status", create_type=False)


def upgrade():
    invoice_status.create(op.get_bind(), checkfirst=True)
    op.add_column("invoices", sa.Column("status", invoice_status, nullable=True))
    op.execute("ALTER TYPE invoice_status ADD VALUE 'void'")


def downgrade():
    op.drop_column("invoices", "status")
    invoice_status.drop(op.get_bind(), checkfirst=True)

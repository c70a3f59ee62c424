"""invoice_notes

Revision ID: 0005
Revises: "0004"
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"


def upgrade():
    op.add_column("invoices", sa.Column("note", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("invoices", "note")

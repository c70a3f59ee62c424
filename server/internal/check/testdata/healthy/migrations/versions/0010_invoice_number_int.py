"""Invoice numbers become integers.

Revision ID: 0010_invoice_number_int
Revises: a7c3e1f05b28
Create Date: 2023-08-08 15:19:40.087166
"""
from alembic import op
import sqlalchemy as sa

revision = "0010_invoice_number_int"
down_revision = "a7c3e1f05b28"
branch_labels = None
depends_on = None


def upgrade():
    # varchar -> integer has no implicit cast in PostgreSQL: say how.
    op.alter_column(
        "invoices",
        "number",
        existing_type=sa.VARCHAR(length=20),
        type_=sa.Integer(),
        existing_nullable=True,
        postgresql_using="number::integer",
    )


def downgrade():
    # integer -> varchar(20) is an assignment cast and every integer fits.
    op.alter_column(
        "invoices",
        "number",
        existing_type=sa.Integer(),
        type_=sa.VARCHAR(length=20),
        existing_nullable=True,
    )

"""invoices

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(20), nullable=True),
    )
    # the table is new and empty: tightening it right away cannot meet NULL rows
    op.alter_column("invoices", "number", existing_type=sa.String(20), nullable=False)


def downgrade():
    op.drop_table("invoices")

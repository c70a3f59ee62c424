"""start and end dates, the start in the unique key

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("billing", sa.Column("start_date", sa.DateTime(), nullable=True))
    op.add_column("billing", sa.Column("end_date", sa.DateTime(), nullable=True))
    op.alter_column("billing", "start_date", nullable=False)  # expect[not-null-without-backfill:warning]: help: A server_default is no way out here: one value in every row can break the unique key over the column.
    op.alter_column("billing", "end_date", nullable=False)  # expect[not-null-without-backfill:warning]: help: or give the add a server_default.
    op.create_index("uix_billing", "billing", ["service_id", "start_date"], unique=True)


def downgrade():
    op.drop_index("uix_billing", table_name="billing")
    op.drop_column("billing", "end_date")
    op.drop_column("billing", "start_date")

"""the new reference is required

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0005"
down_revision = "0004"


def upgrade():
    op.alter_column("invoices", "account_uid", existing_type=postgresql.UUID(), nullable=False)  # expect[not-null-without-backfill:info]: only rows written since revision "0002" may be NULL help: Revision "0002" set it on every row.


def downgrade():
    op.alter_column("invoices", "account_uid", existing_type=postgresql.UUID(), nullable=True)

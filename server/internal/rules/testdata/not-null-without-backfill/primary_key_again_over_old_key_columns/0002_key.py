"""the key grows by provider: the old key's columns are NOT NULL since 0001

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.drop_constraint("ft_billing_pkey", "ft_billing", type_="primary")
    op.create_primary_key("ft_billing_pkey", "ft_billing", ["bst_date", "template_id", "provider"])  # expect[not-null-without-backfill:warning]: makes "provider" NOT NULL


def downgrade():
    op.drop_constraint("ft_billing_pkey", "ft_billing", type_="primary")
    op.create_primary_key("ft_billing_pkey", "ft_billing", ["bst_date", "template_id"])

"""code and region, unique

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade():
    # rows written since 0002 may share a code and a region: code alone is no longer unique
    op.create_unique_constraint("uq_codes_code_region", "codes", ["code", "region"])  # expect[unique-without-dedup]: existing rows not deduplicated first


def downgrade():
    op.drop_constraint("uq_codes_code_region", "codes", type_="unique")

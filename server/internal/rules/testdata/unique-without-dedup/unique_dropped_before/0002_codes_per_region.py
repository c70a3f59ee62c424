"""a code is unique per region only

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.drop_constraint("uq_codes_code", "codes", type_="unique")


def downgrade():
    op.create_unique_constraint("uq_codes_code", "codes", ["code"])

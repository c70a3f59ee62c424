"""products are renamed, and back under a misspelled name

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.rename_table("products", "items")


def downgrade():
    op.rename_table("item", "products")  # expect[missing-table]: help: Table 'item' doesn't exist (error 1146)

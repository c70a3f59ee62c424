"""background tasks; the downgrade names a table copied from another revision

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_table("background_tasks", sa.Column("id", sa.Integer(), primary_key=True))
    op.rename_table("products", "catalog_items")


def downgrade():
    op.rename_table("catalog_item", "products")  # expect[missing-table]: rename_table("catalog_item") names a table that does not exist at this point help: relation "catalog_item" does not exist
    op.drop_table("action_history")  # expect[missing-table]: drop_table("action_history") names a table that does not exist at this point help: It fails with: table "action_history" does not exist. upgrade() creates "background_tasks", which this downgrade has not dropped yet: is one of them the table meant?
    op.drop_table("background_tasks")
    op.drop_table("background_tasks")

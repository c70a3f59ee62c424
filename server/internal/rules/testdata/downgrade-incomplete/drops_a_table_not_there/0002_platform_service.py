"""platform services; the downgrade drops a table of another name, which a
later revision creates: it fails there, and platform_service stays

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_table("platform_service", sa.Column("id", sa.Integer(), primary_key=True))  # expect[downgrade-incomplete]: table "platform_service" is created by upgrade() but downgrade() drops "platform_product" instead help: The drop at line 19 names "platform_product", which is not there at that point: the downgrade fails on it, and "platform_service" stays. If "platform_service" is the table meant, replace that drop with: op.drop_table("platform_service")$


def downgrade():
    op.drop_table("platform_product")

"""platform products

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.create_table("platform_product", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("platform_product")

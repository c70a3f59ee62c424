"""refunds

Revision ID: 0003
Revises: "0001"
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0001"


def upgrade():
    op.create_table("refunds", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("refunds")

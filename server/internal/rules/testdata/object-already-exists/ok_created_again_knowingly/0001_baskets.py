"""baskets

Revision ID: 0001
Revises: 
"""
import os

from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    if os.environ.get("WITH_AUDIT"):
        op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "baskets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("label", sa.String(40), nullable=True),
    )
    op.create_index("ix_baskets_label", "baskets", ["label"])


def downgrade():
    op.drop_table("baskets")

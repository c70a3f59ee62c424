"""licensed items

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "licensed_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("license_key", sa.String(), nullable=True),
    )


def downgrade():
    op.drop_table("licensed_items")

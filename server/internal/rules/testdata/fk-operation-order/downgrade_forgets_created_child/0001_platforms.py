"""platforms and their services

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("platform", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "platform_service",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("platform_id", sa.Integer(), sa.ForeignKey("platform.id"), nullable=False),
    )


def downgrade():
    op.drop_table("platform")  # expect[fk-operation-order]: help: upgrade() creates "platform_service" and downgrade() never drops it: drop it first

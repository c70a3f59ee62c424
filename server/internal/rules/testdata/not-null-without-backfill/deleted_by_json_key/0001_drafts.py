"""drafts hold their fields as JSON

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("fields", postgresql.JSON(), nullable=True),
    )


def downgrade():
    op.drop_table("drafts")

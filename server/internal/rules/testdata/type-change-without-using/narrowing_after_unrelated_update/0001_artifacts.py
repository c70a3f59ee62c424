"""artifacts

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "artifacts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(21), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
    )


def downgrade():
    op.drop_table("artifacts")

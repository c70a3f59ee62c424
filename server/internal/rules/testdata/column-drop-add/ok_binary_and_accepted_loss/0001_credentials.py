"""credentials

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "credential",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("secret", postgresql.JSONB(), nullable=True),
        sa.Column("token", sa.Text(), nullable=True),
    )


def downgrade():
    op.drop_table("credential")

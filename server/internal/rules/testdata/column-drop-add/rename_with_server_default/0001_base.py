"""reports

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
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("explaination", sa.Text(), nullable=True),
        sa.Column("gets_emails", sa.Boolean(), nullable=True),
        sa.Column("track", sa.Unicode(50), nullable=True),
    )


def downgrade():
    op.drop_table("reports")

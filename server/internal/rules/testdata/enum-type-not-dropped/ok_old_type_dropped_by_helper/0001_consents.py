"""consents

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
        "consent",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("mechanism", postgresql.ENUM("opt_in", "opt_out", name="mechanism"), nullable=True),
    )


def downgrade():
    op.drop_table("consent")
    op.execute("DROP TYPE mechanism")

"""drop audit

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_table("audit")


def downgrade():
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("level", postgresql.ENUM("info", "warn", name="audit_level", create_type=False), nullable=False),  # expect[enum-type-recreated]: "audit_level"
    )

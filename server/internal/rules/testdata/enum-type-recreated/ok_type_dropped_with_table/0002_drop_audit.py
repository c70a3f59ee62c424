"""drop audit and its type

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
    op.execute("DROP TYPE audit_level")


def downgrade():
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("level", postgresql.ENUM("info", "warn", name="audit_level"), nullable=False),
    )

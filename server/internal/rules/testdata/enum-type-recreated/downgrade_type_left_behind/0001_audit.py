"""audit

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
        "audit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("level", sa.Enum("info", "warn", name="audit_level"), nullable=False),
    )


def downgrade():
    op.drop_table("audit")
    sa.Enum(name="audit_level").drop(op.get_bind(), checkfirst=True)

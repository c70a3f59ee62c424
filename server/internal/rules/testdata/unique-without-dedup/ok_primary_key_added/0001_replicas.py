"""quarantined replicas, primary key added after the table

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
        "replicas",
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(1024), nullable=False),
    )
    op.create_primary_key("replicas_pk", "replicas", ["site_id", "path"])


def downgrade():
    op.drop_table("replicas")

"""status history, of the status type create_all made with vulns

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
    op.create_table("vuln_status_history", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column(
        "vuln_status_history",
        sa.Column("status", postgresql.ENUM("open", "closed", name="vuln_status"), nullable=False),
    )


def downgrade():
    op.drop_table("vuln_status_history")

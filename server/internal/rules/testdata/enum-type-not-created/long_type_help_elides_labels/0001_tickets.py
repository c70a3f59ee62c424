"""tickets, whose kind is an enum type of many labels

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
        "tickets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", postgresql.ENUM("BUG_REPORT", "FEATURE_REQUEST", "QUESTION", "INCIDENT", "MAINTENANCE_WINDOW",
                                          "SECURITY_ADVISORY", "BILLING_DISPUTE", "ACCESS_REQUEST", "DATA_EXPORT",
                                          "ACCOUNT_DELETION", name="ticket_kind"), nullable=True),
    )


def downgrade():
    op.drop_table("tickets")
    op.execute("DROP TYPE ticket_kind")

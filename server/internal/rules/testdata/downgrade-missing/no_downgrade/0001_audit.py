"""audit log

Revision ID: 0001_audit
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001_audit"
down_revision = None


def upgrade():  # expect[downgrade-missing]: has no downgrade()
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("payload", sa.JSON(), nullable=False),
    )

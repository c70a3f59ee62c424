"""reports; the downgrade hides what it does

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

from myapp.migrations import drop_reporting_objects

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("reports", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_index("ix_reports_id", "reports", ["id"])


def downgrade():
    drop_reporting_objects(op)

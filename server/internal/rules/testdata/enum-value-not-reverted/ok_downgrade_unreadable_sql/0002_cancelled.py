"""add cancelled

Revision ID: 0002
Revises: 0001
"""
from alembic import op

from app.migrations.sql import STATUS_DOWNGRADE_SQL

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE status_type ADD VALUE IF NOT EXISTS 'cancelled'")


def downgrade():
    op.execute(STATUS_DOWNGRADE_SQL)

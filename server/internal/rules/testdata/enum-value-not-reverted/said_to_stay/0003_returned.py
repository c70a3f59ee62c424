"""add returned; the downgrade says it stays, but the add fails when it runs again

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE status_type ADD VALUE 'returned'")  # expect[enum-value-not-reverted]: help: enum label "returned" already exists


def downgrade():
    # the 'returned' value stays: enum values cannot be dropped
    pass

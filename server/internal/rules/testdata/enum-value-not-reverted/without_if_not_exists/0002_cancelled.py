"""add cancelled

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE status_type ADD VALUE 'cancelled'")  # expect[enum-value-not-reverted]: help: enum label "cancelled" already exists


def downgrade():
    pass

"""add archived as the default

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
    conn = op.get_bind()
    conn.execute(sa.text("ALTER TYPE status_type ADD VALUE 'archived'"))  # expect[enum-value-in-transaction]: used on line 18
    op.alter_column("orders", "status", server_default="archived")


def downgrade():
    op.alter_column("orders", "status", server_default=None)

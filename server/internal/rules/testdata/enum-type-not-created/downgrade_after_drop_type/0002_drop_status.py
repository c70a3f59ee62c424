"""add status

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
    status_type = postgresql.ENUM("pending", "shipped", name="status_type")
    status_type.create(op.get_bind())
    op.add_column("orders", sa.Column("status", status_type, nullable=True))


def downgrade():
    op.drop_column("orders", "status")
    op.execute("DROP TYPE status_type")

"""add status, type created with SQL

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
    op.execute("CREATE TYPE status_type AS ENUM ('pending', 'shipped')")
    op.add_column("orders", sa.Column("status", postgresql.ENUM("pending", "shipped", name="status_type", create_type=False)))


def downgrade():
    op.drop_column("orders", "status")
    op.execute("DROP TYPE status_type")

"""add status with bare imported operations

Revision ID: 0002
Revises: 0001
"""
from alembic.op import add_column, drop_column, get_bind
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    add_column("orders", sa.Column("status", sa.Enum("pending", "shipped", name="status_type")))  # expect[enum-type-not-created]: help: sa.Enum("pending", "shipped", name="status_type").create(get_bind(), checkfirst=True)


def downgrade():
    drop_column("orders", "status")

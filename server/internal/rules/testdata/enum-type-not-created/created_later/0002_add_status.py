"""add status, type created too late

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

status_type = sa.Enum("pending", "shipped", name="status_type")


def upgrade():
    op.add_column("orders", sa.Column("status", status_type))  # expect[enum-type-not-created]: created only later in upgrade() (line 19)
    status_type.create(op.get_bind(), checkfirst=True)


def downgrade():
    op.drop_column("orders", "status")
    status_type.drop(op.get_bind(), checkfirst=True)

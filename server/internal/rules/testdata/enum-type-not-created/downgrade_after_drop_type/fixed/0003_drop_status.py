"""drop status

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_column("orders", "status")
    op.execute("DROP TYPE status_type")


def downgrade():
    postgresql.ENUM("pending", "shipped", name="status_type").create(op.get_bind(), checkfirst=True)
    op.add_column("orders", sa.Column("status", postgresql.ENUM("pending", "shipped", name="status_type"), autoincrement=False, nullable=True))  # expect[enum-type-not-created]: nothing earlier in downgrade() creates it

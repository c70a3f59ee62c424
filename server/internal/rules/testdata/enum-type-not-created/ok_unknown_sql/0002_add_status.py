"""type created by SQL built at run time

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

STATUSES = ("pending", "shipped")


def upgrade():
    values = ", ".join(f"'{s}'" for s in STATUSES)
    op.execute(f"CREATE TYPE status_type AS ENUM ({values})")
    op.add_column("orders", sa.Column("status", postgresql.ENUM(*STATUSES, name="status_type", create_type=False)))


def downgrade():
    op.drop_column("orders", "status")
    op.execute("DROP TYPE status_type")

"""shipments get a status of the existing type

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
    op.add_column("shipments", sa.Column("status", postgresql.ENUM("pending", "shipped", "cancelled", name="status_type", create_type=False)))
    with op.batch_alter_table("shipments") as batch_op:
        batch_op.add_column(sa.Column("previous_status", sa.Enum("pending", "shipped", "cancelled", name="status_type")))


def downgrade():
    with op.batch_alter_table("shipments") as batch_op:
        batch_op.drop_column("previous_status")
    op.drop_column("shipments", "status")

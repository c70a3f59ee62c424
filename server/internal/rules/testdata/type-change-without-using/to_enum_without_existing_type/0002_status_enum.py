"""orders.status becomes an enum

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
    status_type.create(op.get_bind(), checkfirst=True)
    op.alter_column("orders", "status", type_=status_type)  # expect[type-change-without-using]: help: postgresql_using="status::text::status_type"


def downgrade():
    op.alter_column("orders", "status", type_=sa.String(20))
    status_type.drop(op.get_bind(), checkfirst=True)

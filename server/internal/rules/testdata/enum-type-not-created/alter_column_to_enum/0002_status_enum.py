"""status becomes an enum

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
    op.add_column("orders", sa.Column("status", sa.String(20), nullable=True))
    op.alter_column(
        "orders",
        "status",
        existing_type=sa.String(20),
        type_=sa.Enum("pending", "shipped", name="status_type"),  # expect[enum-type-not-created]: help: op.alter_column never creates enum types
        postgresql_using="status::status_type",
    )


def downgrade():
    op.alter_column(
        "orders",
        "status",
        existing_type=sa.Enum("pending", "shipped", name="status_type"),
        type_=sa.String(20),
    )
    op.drop_column("orders", "status")

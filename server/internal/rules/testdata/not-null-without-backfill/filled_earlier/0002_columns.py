"""shipment source, priority, region, weight, handler and zone

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("shipments", sa.Column("source", sa.String(20), nullable=True))
    op.add_column("shipments", sa.Column("priority", sa.Boolean(), nullable=True))
    op.add_column("shipments", sa.Column("region", sa.String(10), nullable=True, server_default="eu"))
    op.add_column("shipments", sa.Column("weight", sa.Integer(), nullable=True))
    op.add_column("shipments", sa.Column("handler", sa.String(40), nullable=True))
    op.add_column("shipments", sa.Column("zone", sa.Integer(), nullable=True))


def downgrade():
    op.drop_column("shipments", "zone")
    op.drop_column("shipments", "handler")
    op.drop_column("shipments", "weight")
    op.drop_column("shipments", "region")
    op.drop_column("shipments", "priority")
    op.drop_column("shipments", "source")

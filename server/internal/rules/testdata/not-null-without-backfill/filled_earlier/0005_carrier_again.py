"""carrier is made again

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"


def upgrade():
    op.drop_column("shipments", "carrier")
    op.add_column("shipments", sa.Column("carrier", sa.String(40), nullable=True))


def downgrade():
    pass

"""serial numbers are required

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.alter_column("devices", "serial", existing_type=sa.String(40), nullable=False)


def downgrade():
    op.alter_column("devices", "serial", existing_type=sa.String(40), nullable=True)

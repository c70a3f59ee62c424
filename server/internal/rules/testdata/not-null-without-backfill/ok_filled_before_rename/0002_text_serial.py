"""serial numbers become text

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("devices", sa.Column("serial_text", sa.String(40), nullable=True))
    op.execute("UPDATE devices SET serial_text = 'unknown'")
    op.drop_column("devices", "serial")
    op.alter_column("devices", "serial_text", new_column_name="serial")


def downgrade():
    pass

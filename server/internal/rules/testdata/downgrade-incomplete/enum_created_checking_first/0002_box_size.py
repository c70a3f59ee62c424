"""box size

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"


def upgrade():
    # postgresql.ENUM's create() looks the type up first (checkfirst=True by default)
    size = postgresql.ENUM("SMALL", "LARGE", name="box_size")
    size.create(op.get_bind())  # expect[downgrade-incomplete:info]: never drops it help: After `alembic downgrade` it stays behind.
    op.add_column("boxes", sa.Column("size", sa.Enum("SMALL", "LARGE", name="box_size"), nullable=True))


def downgrade():
    op.drop_column("boxes", "size")

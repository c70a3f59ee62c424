"""gadget owners become UUIDs (dropped and added back NOT NULL)

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None


def upgrade():
    op.drop_column("gadget", "owner_id")
    op.add_column("gadget", sa.Column("owner_id", postgresql.UUID(as_uuid=True), nullable=False))


def downgrade():  # expect[downgrade-missing:warning]: help: and the next `alembic upgrade` runs them again on a schema that has them already
    pass

"""the column is added under a condition

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    if op.get_context().dialect.name == "postgresql" or NEEDS_FLAG:
        op.add_column("users", sa.Column("flag", sa.Boolean()))
    op.drop_column("users", "flag")
    inspector = sa.inspect(op.get_bind())
    if "legacy" in [c["name"] for c in inspector.get_columns("users")]:
        op.drop_column("users", "legacy")


NEEDS_FLAG = True


def downgrade():
    pass

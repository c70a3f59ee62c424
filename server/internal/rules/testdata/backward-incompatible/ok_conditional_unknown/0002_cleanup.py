"""cleanup, guarded

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
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("users")}
    if "age" in columns:
        op.drop_column("users", "age")
    op.drop_table("legacy_sessions")
    op.drop_column("users", "middle_name")


def downgrade():
    pass

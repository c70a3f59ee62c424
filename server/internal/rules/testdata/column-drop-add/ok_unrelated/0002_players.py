"""drop handle, track the last visit

Revision ID: b1c2d3e4f5a6
Revises: a0b1c2d3e4f5
"""
from alembic import op
import sqlalchemy as sa

revision = "b1c2d3e4f5a6"
down_revision = "a0b1c2d3e4f5"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_column("players", "handle")
    op.add_column("players", sa.Column("last_seen", sa.DateTime(timezone=True), nullable=True))
    op.add_column("players", sa.Column("active", sa.Boolean(), nullable=True))


def downgrade():
    op.drop_column("players", "active")
    op.drop_column("players", "last_seen")
    op.add_column("players", sa.Column("handle", sa.String(length=50), nullable=True))

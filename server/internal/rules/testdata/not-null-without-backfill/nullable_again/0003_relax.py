"""start times and rooms may be left empty for a while

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.alter_column("events", "starts_at", existing_type=sa.DateTime(), nullable=True)
    op.alter_column("events", "ends_at", existing_type=sa.DateTime(), nullable=True)
    op.execute("ALTER TABLE events ALTER COLUMN room DROP NOT NULL")


def downgrade():
    op.execute("ALTER TABLE events ALTER COLUMN room SET NOT NULL")
    op.alter_column("events", "starts_at", existing_type=sa.DateTime(), nullable=False)

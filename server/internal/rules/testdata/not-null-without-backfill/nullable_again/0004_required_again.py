"""start and end times and rooms are required

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"


def upgrade():
    op.alter_column("events", "starts_at", existing_type=sa.DateTime(), nullable=False)  # expect[not-null-without-backfill:info]: only rows written since revision "0003" may be NULL help: It was NOT NULL until revision "0003" made it nullable
    op.alter_column("events", "ends_at", existing_type=sa.DateTime(), nullable=False)  # expect[not-null-without-backfill:warning]: nothing before it fills the NULL rows
    op.execute("ALTER TABLE events ALTER COLUMN room SET NOT NULL")  # expect[not-null-without-backfill:info]: SET NOT NULL on "room" of existing table "events": only rows written since revision "0003" help: It was NOT NULL until revision "0003"


def downgrade():
    op.execute("ALTER TABLE events ALTER COLUMN room DROP NOT NULL")
    op.alter_column("events", "ends_at", existing_type=sa.DateTime(), nullable=True)
    op.alter_column("events", "starts_at", existing_type=sa.DateTime(), nullable=True)

"""locale and timezone are required

Revision ID: 9d4b2e6c8a10
Revises: 3c1e0f9a2b77
"""
from alembic import op
import sqlalchemy as sa

revision = "9d4b2e6c8a10"
down_revision = "3c1e0f9a2b77"
branch_labels = None
depends_on = None


def tighten_profiles():
    op.alter_column("profiles", "locale", existing_type=sa.String(10), nullable=False)
    op.alter_column("profiles", "timezone", existing_type=sa.String(40), nullable=False)  # expect[not-null-without-backfill]: help: relation "profiles" contains null values


def upgrade():
    # only locale is backfilled; timezone is forgotten
    op.execute("UPDATE profiles SET locale = 'en' WHERE locale IS NULL")
    tighten_profiles()


def downgrade():
    op.alter_column("profiles", "timezone", existing_type=sa.String(40), nullable=True)
    op.alter_column("profiles", "locale", existing_type=sa.String(10), nullable=True)

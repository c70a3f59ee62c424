"""use_quota is required; the release's online data migrations fill it

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    # safe: the online migrations of the previous release must already have
    # been run when this one is applied
    op.alter_column("volumes", "use_quota", existing_type=sa.Boolean(), nullable=False)  # expect[not-null-without-backfill:info]: nothing before it fills the NULL rows help: A comment in upgrade() says a step outside the migrations fills the rows before it runs: where that step was skipped, this fails.


def downgrade():
    op.alter_column("volumes", "use_quota", existing_type=sa.Boolean(), nullable=True)

"""fields are required

Revision ID: 0005
Revises: 0004
"""
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0005"
down_revision = "0004"


def upgrade():
    op.alter_column("drafts", "fields", existing_type=postgresql.JSON(), nullable=False)  # expect[not-null-without-backfill:info]: only rows written since revision "0002" may be NULL help: Revision "0002" deleted the rows where it was NULL.


def downgrade():
    op.alter_column("drafts", "fields", existing_type=postgresql.JSON(), nullable=True)

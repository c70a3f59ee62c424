"""unit labels are required

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"


def upgrade():
    op.alter_column("units", "label", existing_type=sa.String(10), nullable=False)  # expect[not-null-without-backfill:info]: only rows written since revision "0001" may be NULL help: Every row the migrations inserted (revision "0001" last) has a value in it. A row the application wrote since then is NULL if it left the column empty


def downgrade():
    op.alter_column("units", "label", existing_type=sa.String(10), nullable=True)

"""followup: owners, quotas and levels are required

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.alter_column("projects", "owner_id", existing_type=sa.Integer(), nullable=False)
    op.alter_column("projects", "quota", existing_type=sa.Integer(), nullable=False)
    op.alter_column("projects", "levelname", existing_type=sa.String(50), nullable=False)


def downgrade():
    op.alter_column("projects", "levelname", existing_type=sa.String(50), nullable=True)
    op.alter_column("projects", "quota", existing_type=sa.Integer(), nullable=True)
    op.alter_column("projects", "owner_id", existing_type=sa.Integer(), nullable=True)

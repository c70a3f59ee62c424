"""weeks, quarters, currency names and unit labels are required

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.alter_column("calendar", "week", existing_type=sa.Integer(), nullable=False)
    op.alter_column("calendar", "quarter", existing_type=sa.Integer(), nullable=False)
    op.alter_column("currencies", "name", existing_type=sa.String(40), nullable=False)
    op.alter_column("units", "label", existing_type=sa.String(10), nullable=False)


def downgrade():
    op.alter_column("units", "label", existing_type=sa.String(10), nullable=True)
    op.alter_column("currencies", "name", existing_type=sa.String(40), nullable=True)
    op.alter_column("calendar", "quarter", existing_type=sa.Integer(), nullable=True)
    op.alter_column("calendar", "week", existing_type=sa.Integer(), nullable=True)

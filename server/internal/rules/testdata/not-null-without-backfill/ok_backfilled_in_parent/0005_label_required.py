"""labels are required

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"


def upgrade():
    op.alter_column("projects", "label", existing_type=sa.String(50), nullable=False)


def downgrade():
    op.alter_column("projects", "label", existing_type=sa.String(50), nullable=True)

"""users.email not null, proven by the check of 0002

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("users", "email", existing_type=sa.VARCHAR(length=200), nullable=False)


def downgrade():
    op.alter_column("users", "email", existing_type=sa.VARCHAR(length=200), nullable=True)

"""notes may have no author

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.alter_column("notes", "author", existing_type=sa.String(length=50), nullable=True)


def downgrade():  # expect[downgrade-missing:info]: only makes changes that can run again help: The changes (a column made wider or nullable)
    pass

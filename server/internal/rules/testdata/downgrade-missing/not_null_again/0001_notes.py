"""notes must have an author

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.alter_column("notes", "author", existing_type=sa.String(length=50), nullable=False)


def downgrade():  # expect[downgrade-missing:warning]: help: runs its schema changes again without error (a column set to a target type, default or nullability), while older code runs on the upgraded schema in between
    pass

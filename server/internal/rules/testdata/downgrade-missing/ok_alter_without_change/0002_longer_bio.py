"""a longer bio, written with type= (Alembic ignores the keyword and emits nothing): nothing to undo

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("users", "bio", existing_type=sa.String(255), type=sa.String(4096))


def downgrade():
    pass

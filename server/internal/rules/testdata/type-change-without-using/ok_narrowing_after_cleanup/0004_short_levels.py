"""short log levels

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"


def upgrade():
    op.alter_column("artifacts", "level", existing_type=sa.String(255), type_=sa.String(50))


def downgrade():
    op.alter_column("artifacts", "level", existing_type=sa.String(50), type_=sa.String(255))

"""names get longer; the downgrade narrows them back without saying they are NOT NULL

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("users", "name", existing_type=sa.String(length=100), type_=sa.String(length=200), existing_nullable=False)


def downgrade():
    op.alter_column("users", "name", existing_type=sa.String(length=200), type_=sa.String(length=100))  # expect[mysql-alter-column-incomplete:warning]: makes the NOT NULL column nullable on MySQL in downgrade() help: so the downgrade passes

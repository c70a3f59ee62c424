"""add users.token without a rewrite

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("token", sa.UUID(), nullable=True))
    op.alter_column("users", "token", server_default=sa.text("gen_random_uuid()"))


def downgrade():
    op.drop_column("users", "token")

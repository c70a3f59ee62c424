"""who granted and revoked a membership is required

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("memberships", "granted_by_id", existing_type=sa.Integer(), nullable=False)  # expect[not-null-without-backfill:warning]: help: Fill them first: op.execute("UPDATE memberships SET granted_by_id = <value> WHERE granted_by_id IS NULL")$
    op.alter_column("memberships", "revoked_by_id", existing_type=sa.Integer(), nullable=False)  # expect[not-null-without-backfill:warning]: help: Fill them first: op.execute("UPDATE memberships SET revoked_by_id = <value> WHERE revoked_by_id IS NULL")$


def downgrade():
    op.alter_column("memberships", "revoked_by_id", existing_type=sa.Integer(), nullable=True)
    op.alter_column("memberships", "granted_by_id", existing_type=sa.Integer(), nullable=True)

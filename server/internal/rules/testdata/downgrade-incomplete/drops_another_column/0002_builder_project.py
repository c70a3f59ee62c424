"""a builder's project

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
    op.add_column("builders", sa.Column("project_id", sa.Integer(), nullable=True))  # expect[downgrade-incomplete]: drops "project" instead help: "builders" does not have


def downgrade():
    op.drop_column("builders", "project")

"""a required price on a table its parent seeded

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
    op.add_column("plans", sa.Column("price", sa.Integer(), nullable=False))  # expect[add-required-column:error]: NOT NULL and no server_default


def downgrade():
    op.drop_column("plans", "price")

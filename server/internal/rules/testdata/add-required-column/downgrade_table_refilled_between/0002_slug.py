"""tags get a slug instead of a label

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
    op.add_column("tag", sa.Column("slug", sa.Text(), nullable=True))
    op.drop_column("tag", "label")


def downgrade():
    op.add_column("tag", sa.Column("label", sa.Text(), nullable=False))  # expect[add-required-column]: NOT NULL and no server_default
    op.drop_column("tag", "slug")

"""endpoint names, unique by the Column's unique=True

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("endpoint", sa.Column("name", sa.String(64), nullable=True, unique=True))


def downgrade():
    op.drop_column("endpoint", "name")

"""column 7

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"


def upgrade():  # expect[downgrade-missing]: no downgrade()
    op.add_column("states", sa.Column("c7", sa.Integer(), nullable=True))


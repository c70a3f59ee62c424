"""column 6

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"


def upgrade():  # expect[downgrade-missing]: no downgrade()
    op.add_column("states", sa.Column("c6", sa.Integer(), nullable=True))


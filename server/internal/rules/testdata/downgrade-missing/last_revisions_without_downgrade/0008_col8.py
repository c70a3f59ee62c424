"""column 8, the third revision in a row without a downgrade, in a history that writes them

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"


def upgrade():  # expect[downgrade-missing]: no downgrade()
    op.add_column("states", sa.Column("c8", sa.Integer(), nullable=True))

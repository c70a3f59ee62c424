"""purge legacy columns

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.drop_column("users", "legacy")


def downgrade():  # expect[downgrade-missing:info]: help: explicit choice
    raise NotImplementedError("the legacy column's data is gone; restore from a backup")

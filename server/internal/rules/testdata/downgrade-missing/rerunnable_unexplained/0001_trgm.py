"""trigram extension

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


def downgrade():  # expect[downgrade-missing:info]: only makes changes that can run again help: The changes (CREATE ... IF NOT EXISTS)
    pass

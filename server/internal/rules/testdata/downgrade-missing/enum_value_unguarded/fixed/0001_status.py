"""statuses

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.execute("ALTER TYPE status ADD VALUE IF NOT EXISTS 'archived'")


def downgrade():  # expect[downgrade-missing]: help: Write ADD VALUE IF NOT EXISTS in upgrade(); the empty downgrade() is then fine as is
    pass

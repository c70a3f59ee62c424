"""an index (2)

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_index("ix_logs_level_2", "logs", ["level"])


def downgrade():
    op.drop_index("ix_logs_level_2", table_name="logs")

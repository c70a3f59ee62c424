"""an index (3)

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.create_index("ix_logs_level_3", "logs", ["level"])


def downgrade():
    op.drop_index("ix_logs_level_3", table_name="logs")

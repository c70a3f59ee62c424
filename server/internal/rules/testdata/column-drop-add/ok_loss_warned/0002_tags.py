"""things get a list of tags; going back discards them, and says so

Revision ID: 0002
Revises: 0001
"""
import logging

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"

logger = logging.getLogger(__name__)


def upgrade():
    op.add_column("things", sa.Column("tags", postgresql.ARRAY(sa.String()), nullable=True))
    op.execute("UPDATE things SET tags = ARRAY[tag] WHERE tag IS NOT NULL")
    op.drop_column("things", "tag")


def downgrade():
    logger.warning("this downgrade removes every value of things.tags: repopulate them by hand")
    op.drop_column("things", "tags")
    op.add_column("things", sa.Column("tags", sa.String(), nullable=True))

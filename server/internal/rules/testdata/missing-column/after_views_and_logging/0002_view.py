"""a view of active users, made with alembic_utils, with logging on the way

Revision ID: 0002
Revises: 0001
"""
import logging
import time

from alembic import op
import sqlalchemy as sa
from alembic_utils.pg_view import PGView

revision = "0002"
down_revision = "0001"

_LOG = logging.getLogger(__name__)

active_users = PGView(schema="public", signature="active_users", definition="SELECT id FROM users WHERE logins > 0")


def upgrade():
    meta = sa.MetaData()
    meta.reflect(bind=op.get_bind())
    seen = []
    for name in meta.tables:
        seen.append(name)
    _LOG.info("tables before the view: %s", seen)
    time.sleep(0)
    op.create_entity(active_users)


def downgrade():
    op.drop_entity(active_users)

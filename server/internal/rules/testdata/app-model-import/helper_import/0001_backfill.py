"""backfill through a helper

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy import orm

revision = "0001"
down_revision = None


def _backfill(session):
    from app.db.models import Customer  # expect[app-model-import]: uses it as an ORM model

    for customer in session.query(Customer):
        customer.segment = "retail"


def upgrade():
    op.add_column("customers", sa.Column("segment", sa.String(20), nullable=True))
    _backfill(orm.Session(bind=op.get_bind()))


def downgrade():
    op.drop_column("customers", "segment")

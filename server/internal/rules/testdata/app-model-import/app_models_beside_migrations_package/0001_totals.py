"""round the totals with the application's models

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.orm import Session

from shop.models import Order  # expect[app-model-import]: the application's ORM model `shop.models.Order`

revision = "0001"
down_revision = None


def upgrade():
    session = Session(bind=op.get_bind())
    for order in session.query(Order):
        order.total = round(order.total)
    session.commit()


def downgrade():
    pass

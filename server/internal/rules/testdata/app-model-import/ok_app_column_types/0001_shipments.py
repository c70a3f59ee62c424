"""shipments with the application's column types

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy import orm

import shop.server.models
from shop.db.types import GUID

revision = "0001"
down_revision = None


class Shipment(orm.DeclarativeBase):
    pass


class ShipmentRow(Shipment):
    __tablename__ = "shipments"
    id: orm.Mapped[GUID] = orm.mapped_column(GUID, primary_key=True, default=GUID.generate)


def upgrade():
    op.create_table(
        "shipments",
        sa.Column("id", GUID(), primary_key=True),
        sa.Column("sent_at", shop.server.models.NaiveDateTime(), nullable=True),
    )
    op.alter_column("orders", "placed_at", type_=shop.server.models.NaiveDateTime(), existing_type=sa.DateTime())


def downgrade():
    op.drop_table("shipments")

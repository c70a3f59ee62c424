"""order totals

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.add_column("orders", sa.Column("total", sa.Numeric(10, 2), nullable=True))
    from myapp.db.models.order import Order  # expect[app-model-import]: uses it as an ORM model

    bind = op.get_bind()
    bind.execute(sa.update(Order.__table__).values(total=0))


def downgrade():
    op.drop_column("orders", "total")

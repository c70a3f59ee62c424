"""multidb template

Revision ID: 5e6f7a8b9c0d
Revises: 4d5e6f7a8b9c
"""
from alembic import op
import sqlalchemy as sa

revision = "5e6f7a8b9c0d"
down_revision = "4d5e6f7a8b9c"
branch_labels = None
depends_on = None


def upgrade(engine_name: str) -> None:
    globals()["upgrade_%s" % engine_name]()


def downgrade(engine_name: str) -> None:
    globals()["downgrade_%s" % engine_name]()


def upgrade_engine1() -> None:
    op.create_table("events", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade_engine1() -> None:
    op.drop_table("events")


def upgrade_engine2() -> None:
    op.add_column("metrics", sa.Column("unit", sa.String(16)))
    op.create_index("ix_metrics_unit", "metrics", ["unit"])


def downgrade_engine2() -> None:
    op.drop_index("ix_metrics_unit", table_name="metrics")
    op.drop_column("metrics", "unit")

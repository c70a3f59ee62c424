"""baskets made anew, created only where missing

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_table("baskets", sa.Column("id", sa.Integer(), primary_key=True), if_not_exists=True)
    op.execute("CREATE TABLE IF NOT EXISTS baskets (id integer PRIMARY KEY)")
    op.create_index("ix_baskets_label", "baskets", ["label"], if_not_exists=True)
    op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("CREATE TEMPORARY TABLE baskets (id integer)")
    op.drop_index("ix_baskets_label", table_name="baskets")
    op.create_index("ix_baskets_label", "baskets", ["label"])
    if op.get_context().dialect.name == "postgresql":
        op.drop_index("ix_baskets_label", table_name="baskets")
    op.create_index("ix_baskets_label", "baskets", ["label"])
    op.drop_table("baskets")
    op.create_table("baskets", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    pass

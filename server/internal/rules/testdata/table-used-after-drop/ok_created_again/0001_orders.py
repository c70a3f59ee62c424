"""orders rebuilt in one upgrade

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_index("ix_orders_id", "orders", ["id"])
    op.drop_table("orders")
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("note", sa.Text(), nullable=True),
    )
    op.create_index("ix_orders_note", "orders", ["note"])
    op.alter_column("orders", "note", existing_type=sa.Text(), comment="free text")
    op.drop_table("orders", if_exists=True)


def downgrade():
    pass

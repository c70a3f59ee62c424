"""suppliers and offers

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
    op.create_table("supplier", sa.Column("id", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("id", name=op.f("supplier_pkey")))
    op.create_table(
        "offer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("offer_pkey")),
    )


def downgrade():
    op.drop_table("offer")
    op.drop_table("supplier")

"""revision 0101

Revision ID: 0101
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0101"
down_revision = None
branch_labels = ("billing",)
depends_on = "shop"


def upgrade():
    op.create_table("t_0101", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("t_0101")

"""revision 0004

Revision ID: 0004
Revises: 0002, 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = ("0002", "0003")
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_0004", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("t_0004")

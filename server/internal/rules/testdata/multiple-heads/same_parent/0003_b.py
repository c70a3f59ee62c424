"""revision 0003

Revision ID: 0003
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"  # expect[multiple-heads]: help: point the down_revision of its branch at the other head
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_0003", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("t_0003")

"""revision 0002

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"  # expect[multiple-heads]: one of 2 heads help: The heads are 0002, 0003.
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_0002", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("t_0002")

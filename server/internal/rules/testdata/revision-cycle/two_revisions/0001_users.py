"""revision 0001

Revision ID: 0001
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = "0002"  # expect[revision-cycle]: help: Cycle is detected in revisions
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_0001", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("t_0001")

"""revision 0003

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = "0099"  # expect[missing-down-revision]: help: KeyError


def upgrade():
    op.create_table("t_0003", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("t_0003")

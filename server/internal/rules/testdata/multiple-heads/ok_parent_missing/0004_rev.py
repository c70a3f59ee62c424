"""revision 0004: its parent 0003 is missing from the directory

Revision ID: 0004
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("accounts", sa.Column("c0004", sa.Integer(), nullable=True))


def downgrade():
    op.drop_column("accounts", "c0004")

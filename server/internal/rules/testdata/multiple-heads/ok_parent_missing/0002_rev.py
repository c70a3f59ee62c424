"""revision 0002

Revision ID: 0002
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("accounts", sa.Column("c0002", sa.Integer(), nullable=True))


def downgrade():
    op.drop_column("accounts", "c0002")

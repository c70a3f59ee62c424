"""revision 0005

Revision ID: 0005
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("accounts", sa.Column("c0005", sa.Integer(), nullable=True))


def downgrade():
    op.drop_column("accounts", "c0005")

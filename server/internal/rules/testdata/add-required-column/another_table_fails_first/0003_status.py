"""agents and kernels get a status

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("agents", sa.Column("status", sa.String(64), nullable=False))  # expect[add-required-column]
    op.add_column("kernels", sa.Column("status", sa.String(64), nullable=False))  # expect[add-required-column]: help: Where "agents" has rows, the add_column at line 16 fails first, the same way.
    op.add_column("kernels", sa.Column("port", sa.Integer(), nullable=False))  # expect[add-required-column]: help: Where "agents" has rows, the add_column at line 16 fails first, and on a table with rows the add_column at line 17 fails before this one, the same way.$


def downgrade():
    op.drop_column("kernels", "port")
    op.drop_column("kernels", "status")
    op.drop_column("agents", "status")

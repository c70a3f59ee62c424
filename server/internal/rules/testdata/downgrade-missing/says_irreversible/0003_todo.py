"""a comment that is no decision

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
    op.add_column("builds", sa.Column("state", sa.String(20), nullable=True))


def downgrade():  # expect[downgrade-missing:warning]: does nothing
    # TODO
    pass

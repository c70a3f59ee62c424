"""branch 0002

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("a", sa.Column("c0002", sa.Integer()))


def downgrade():
    op.drop_column("a", "c0002")

"""the weekly preference becomes a number: no cast turns bytes into one, nor back

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.drop_column("prefs", "weekly")
    op.add_column("prefs", sa.Column("weekly", sa.Integer()))


def downgrade():
    op.drop_column("prefs", "weekly")
    op.add_column("prefs", sa.Column("weekly", sa.Binary()))

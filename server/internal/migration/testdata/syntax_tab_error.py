"""mixed tabs and spaces

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
        op.drop_table("a")
	op.drop_table("b")


def downgrade():
    op.create_table("a")

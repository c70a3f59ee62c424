"""one branch empties audit in its downgrade

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = ("cleanup",)


def upgrade():
    pass


def downgrade():
    op.execute("DELETE FROM audit")

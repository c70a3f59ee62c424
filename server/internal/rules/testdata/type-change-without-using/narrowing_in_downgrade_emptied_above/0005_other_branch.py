"""the other branch keeps audit's rows

Revision ID: 0005
Revises: 0003
"""
from alembic import op

revision = "0005"
down_revision = "0003"
branch_labels = ("keep",)


def upgrade():
    pass


def downgrade():
    pass

"""expand phase: add the column

Revision ID: e5f6a7b8c9d0
Revises: d4e5f6a7b8c9
"""
from alembic import op

from myapp.db import branches
from myapp.db.branches import CONTRACT

revision = "e5f6a7b8c9d0"
down_revision = "d4e5f6a7b8c9"
branch_labels = (branches.EXPAND,)
depends_on = (CONTRACT, "d4e5f6a7b8c9")


def upgrade():
    op.drop_table("t")

"""checkpoint: the whole schema for a new database, built by the project's own bootstrap script

Alembic calls upgrade() without op, so under Alembic this revision changes
nothing, and its empty downgrade() is right.

Revision ID: 0002
Revises: 0001
"""
from alembic.operations import Operations
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade(op: Operations = None):
    if op is None:
        # only the bootstrap script passes op
        return
    op.create_table("members", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    pass

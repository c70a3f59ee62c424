"""rebuild the events indexes, both ways

Revision ID: 0002
Revises: 0001
"""
from alembic import op as alembic_op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def rebuild_indexes():
    alembic_op.execute("REINDEX TABLE CONCURRENTLY events")  # expect[concurrently-in-transaction]: help: REINDEX CONCURRENTLY cannot run inside a transaction block


def upgrade():
    rebuild_indexes()


def downgrade():
    rebuild_indexes()

"""fill source and priority, weight for a part of the rows, handler from carrier, zone by carrier

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.execute("UPDATE shipments SET source = 'import'")
    op.execute("UPDATE shipments SET priority = true WHERE id IN (1, 2)")
    op.execute("UPDATE shipments SET priority = false WHERE id NOT IN (1, 2)")
    op.execute("UPDATE shipments SET weight = 0 WHERE carrier IS NOT NULL")
    op.execute("UPDATE shipments SET handler = carrier")
    op.execute("UPDATE shipments SET zone = 1 WHERE carrier = 'post'")
    op.execute("UPDATE shipments SET zone = 2 WHERE carrier <> 'post'")
    op.execute("UPDATE shipments SET carrier = 'post'")


def downgrade():
    pass

"""vacuum commits more often

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("ALTER TABLE commits SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000)")
    op.execute("ALTER TABLE commits ALTER COLUMN message SET STATISTICS 500")


def downgrade():  # expect[downgrade-missing:info]: only makes changes that can run again help: The changes (storage and planner settings (ALTER TABLE ... SET))
    pass

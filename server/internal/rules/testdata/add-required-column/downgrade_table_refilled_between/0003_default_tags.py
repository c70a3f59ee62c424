"""default tags

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DELETE FROM tag WHERE slug = 'misc'")


def downgrade():
    op.execute("INSERT INTO tag (slug) VALUES ('misc')")

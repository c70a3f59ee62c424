"""seed the kinds

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("INSERT INTO kind (code) VALUES ('basic'), ('premium')")


def downgrade():
    op.execute("TRUNCATE TABLE kind CASCADE")

"""archived notes come back on the way down, by statements the archive keeps

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    conn = op.get_bind()
    for (statement,) in conn.execute(sa.text("SELECT statement FROM archive_log WHERE target = 'notes'")):
        op.execute(statement)

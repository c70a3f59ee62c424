"""truncate log levels before the next revision

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    artifacts = sa.table("artifacts", sa.column("level", sa.String))
    op.execute(artifacts.update().values(level=sa.func.substr(artifacts.c.level, 1, 50)))


def downgrade():
    pass

"""second

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"



def upgrade():
    op.execute("DROP TABLE IF EXISTS reports")
    op.execute("DROP SCHEMA IF EXISTS reports")
    op.execute(f"DROP DATABASE {NAME}")


def downgrade():
    pass

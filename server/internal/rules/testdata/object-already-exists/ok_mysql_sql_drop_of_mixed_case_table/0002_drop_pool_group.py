"""pool groups go, by SQL that names the table unquoted: MySQL does not fold it

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("drop table PoolGroup")


def downgrade():
    op.create_table("PoolGroup", sa.Column("name", sa.String(64), primary_key=True))

"""admins and roles

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("admin", sa.Column("name", sa.String(64), primary_key=True))
    op.create_table("role", sa.Column("name", sa.String(64), primary_key=True))
    op.create_table("audit", sa.Column("name", sa.String(64), primary_key=True))


def downgrade():
    op.drop_table("audit")
    op.drop_table("role")
    op.drop_table("admin")

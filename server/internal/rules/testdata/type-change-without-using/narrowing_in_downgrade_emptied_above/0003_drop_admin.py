"""admins and roles move elsewhere: the downgrade makes admin again, empty, and role again with its rows; audit loses its rows only on one branch

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.drop_table("admin")
    op.drop_table("role")


def downgrade():
    op.create_table("role", sa.Column("name", sa.Text(), primary_key=True))
    op.bulk_insert(sa.table("role", sa.column("name")), [{"name": "owner"}])
    op.create_table("admin", sa.Column("name", sa.Text(), primary_key=True))

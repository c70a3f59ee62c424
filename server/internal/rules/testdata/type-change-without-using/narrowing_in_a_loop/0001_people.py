"""people and staff

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    for table in ("people", "staff"):
        op.create_table(table, sa.Column("id", sa.Integer(), primary_key=True), sa.Column("phone", sa.String(16)))


def downgrade():
    for table in ("people", "staff"):
        op.drop_table(table)

"""another table

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_table("other2", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("other2")

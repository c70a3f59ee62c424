"""clients, owned by an account or not

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("clients", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("account_id", sa.Integer(), nullable=True))


def downgrade():
    op.drop_table("clients")

"""logs; the downgrade drops them, then a table no revision made

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_table("logs", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("logs")
    op.drop_table("log_entries")  # expect[missing-table]: help: This downgrade has already dropped every table upgrade() creates: remove this drop

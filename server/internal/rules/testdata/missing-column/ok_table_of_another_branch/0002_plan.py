"""a second base adds columns to tables only the first one creates

Revision ID: 0002
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = None


def upgrade():
    op.add_column("accounts", sa.Column("plan", sa.Text()))
    op.execute("ALTER TABLE ledgers ADD COLUMN currency text")
    op.alter_column("audits", "at", new_column_name="created_at")


def downgrade():
    pass

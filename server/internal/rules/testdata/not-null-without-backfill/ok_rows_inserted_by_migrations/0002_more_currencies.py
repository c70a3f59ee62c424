"""one more currency

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("INSERT INTO currencies (name, code) VALUES ('Pound sterling', 'GBP')")


def downgrade():
    op.execute("DELETE FROM currencies WHERE code = 'GBP'")

"""a column added to a table named by the environment

Revision ID: 0002
Revises: 0001
"""
import os

from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column(os.environ["AUDITED_TABLE"], sa.Column("audited_at", sa.DateTime()))
    op.drop_column("users", "audited_at")


def downgrade():
    pass

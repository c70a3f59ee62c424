"""tracking

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"


def upgrade():
    op.create_table("tracking", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("tracking")

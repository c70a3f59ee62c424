"""unrelated step 4

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"


def upgrade():
    op.create_table("log_4", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("log_4")

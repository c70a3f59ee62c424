"""statuses, in schema taxonomy

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("statuses", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("value_id", sa.Integer()), schema="taxonomy")


def downgrade():
    op.drop_table("statuses", schema="taxonomy")

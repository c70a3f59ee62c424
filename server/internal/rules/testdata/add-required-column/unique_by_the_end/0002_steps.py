"""unrelated steps: gadgets holds rows by now

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_table("widgets", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("parts", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("links", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("target", sa.Integer()))


def downgrade():
    op.drop_table("links")
    op.drop_table("parts")
    op.drop_table("widgets")

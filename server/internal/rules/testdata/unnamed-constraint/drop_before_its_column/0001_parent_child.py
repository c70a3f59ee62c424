"""parent, child and toy

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("parent", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("child", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("toy", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("label", sa.Text()))


def downgrade():
    op.drop_table("toy")
    op.drop_table("child")
    op.drop_table("parent")

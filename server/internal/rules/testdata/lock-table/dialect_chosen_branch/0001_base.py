"""base

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("plan", sa.Text()))
    op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id")))
    op.create_index("ix_users_plan", "users", ["plan"])


def downgrade():
    op.drop_table("orders")
    op.drop_table("users")

"""tables of one name in two schemas

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("project", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("agreement", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("project_id", sa.Integer(), sa.ForeignKey("project.id")))
    op.execute("CREATE SCHEMA pools")
    op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), schema="pools")
    op.create_table("members", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("user_id", sa.Integer(), sa.ForeignKey("pools.users.id")), schema="pools")
    op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("CREATE SCHEMA cognition")
    op.create_table("project", sa.Column("id", sa.Integer(), primary_key=True), schema="cognition")


def downgrade():
    pass

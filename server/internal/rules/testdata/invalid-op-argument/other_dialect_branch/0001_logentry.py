"""widen logentry.metadata_json on MySQL

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import mysql

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("logentry", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("metadata_json", sa.Text()))
    bind = op.get_bind()
    if bind.engine.name == "mysql":
        op.alter_column("logentry", "metadata_json", nullable=False, type_=mysql.MEDIUMTEXT())


def downgrade():
    bind = op.get_bind()
    if bind.engine.name == "mysql":
        op.alter_column("logentry", "metadata_json", type=sa.Text())  # expect[invalid-op-argument:error]: ignores the keyword argument "type" (did you mean "type_"?)
    op.drop_table("logentry")

"""codes

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("codes", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("code", sa.String(20)), sa.Column("region", sa.String(20)), sa.Column("serial", sa.Integer()))
    op.create_unique_constraint("uq_codes_code", "codes", ["code"])
    op.create_index("ix_codes_serial", "codes", ["serial"], unique=True)


def downgrade():
    op.drop_table("codes")

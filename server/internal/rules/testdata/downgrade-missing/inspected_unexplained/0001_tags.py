"""tags

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    if not sa.inspect(op.get_bind()).has_table("tags"):
        op.create_table("tags", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():  # expect[downgrade-missing:info]: only makes changes that can run again help: a look at the schema
    pass

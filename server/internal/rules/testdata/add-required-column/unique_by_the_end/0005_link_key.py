"""links lose their id, and the primary key goes with it: the downgrade's id is unique nowhere

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"


def upgrade():
    op.drop_column("links", "id")


def downgrade():
    op.add_column("links", sa.Column("id", sa.Integer(), nullable=False))  # expect[add-required-column]: help: Either give the existing rows a value with a server default and drop it afterwards: sa.Column("id", sa.Integer(), nullable=False, server_default=<SQL value>) then op.alter_column("links", "id", server_default=None); or add it nullable=True, op.execute("UPDATE links SET id = <value>"), then op.alter_column("links", "id", nullable=False).$

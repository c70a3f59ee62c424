"""state becomes a number, port and zone integers

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_column("hosts", "state")  # expect[column-drop-add]: help: automatically to type integer. Drop it first with op.alter_column("hosts", "state", server_default=None), and set the new one after the change with op.alter_column("hosts", "state", server_default="1"). If they
    op.add_column("hosts", sa.Column("state", sa.Integer(), nullable=False, server_default="1"))
    op.drop_column("ports", "port")  # expect[column-drop-add]: help: automatically to type integer. Drop it first with op.alter_column("ports", "port", server_default=None), and give the column a default of the new type after the change.$
    op.add_column("ports", sa.Column("port", sa.Integer(), nullable=True))
    op.drop_column("zones", "zone")  # expect[column-drop-add]: help: postgresql_using="zone::integer"), which fails on a value that does not convert$
    op.add_column("zones", sa.Column("zone", sa.Integer(), nullable=True))


def downgrade():
    op.drop_column("zones", "zone")  # expect[column-drop-add]: help: Change it in place instead: op.alter_column("zones", "zone", type_=sa.String(length=10))$
    op.add_column("zones", sa.Column("zone", sa.String(length=10), nullable=True))

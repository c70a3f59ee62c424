"""archived orders

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("orders", sa.Column("archived", sa.Boolean(), nullable=True))


def downgrade():
    op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True))  # expect[object-already-exists]: creates table "orders", which already exists here (revision 0001 created it) help: It fails with: relation "orders" already exists

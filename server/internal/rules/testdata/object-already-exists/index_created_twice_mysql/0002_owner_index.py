"""cart owner index

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_index("ix_carts_owner", "carts", ["owner"])


def downgrade():
    op.create_index("ix_carts_owner", "carts", ["owner"])  # expect[object-already-exists]: creates index "ix_carts_owner" help: It fails with: Duplicate key name 'ix_carts_owner' (error 1061)
    op.create_table("carts", sa.Column("id", sa.Integer(), primary_key=True))  # expect[object-already-exists]: creates table "carts" help: It fails with: Table 'carts' already exists (error 1050)

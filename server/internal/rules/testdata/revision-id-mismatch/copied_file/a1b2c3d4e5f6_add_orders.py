"""add orders

Revision ID: a1b2c3d4e5f6  # expect[revision-id-mismatch]: help: Write "Revision ID: d4e5f6a7b8c9"
Revises: a1b2c3d4e5f6
"""
from alembic import op
import sqlalchemy as sa

revision = "d4e5f6a7b8c9"  # expect[revision-id-mismatch]: starts with revision id "a1b2c3d4e5f6"
down_revision = "a1b2c3d4e5f6"


def upgrade():
    op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("orders")

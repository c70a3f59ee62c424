"""owners and pets

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("owner", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("pet", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("owner_id", sa.Integer()))
    op.create_foreign_key("pet_owner_fk", "pet", "owner", ["owner_id"], ["id"])


def downgrade():
    op.drop_table("pet")
    op.drop_table("owner")

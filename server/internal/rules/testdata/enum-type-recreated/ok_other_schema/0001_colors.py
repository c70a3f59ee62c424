"""a color type in public

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("swatch", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("c", sa.Enum("red", "blue", name="color")))


def downgrade():
    op.drop_table("swatch")
    sa.Enum(name="color").drop(op.get_bind())

"""a type in the app schema: a drop without schema= would look in public and do nothing

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "paint",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("c", sa.Enum("red", "green", name="color", schema="app")),
        schema="app",
    )


def downgrade():
    op.drop_table("paint", schema="app")  # expect[enum-type-not-dropped]: enum type "color" is created by upgrade() but downgrade() never drops it

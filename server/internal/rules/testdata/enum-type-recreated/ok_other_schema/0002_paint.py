"""another color type, in the app schema: app.color, not public.color

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("CREATE SCHEMA app")
    op.create_table(
        "paint",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("c", sa.Enum("red", "green", name="color", schema="app")),
        schema="app",
    )
    op.create_table(
        "ink",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("c", sa.Enum("cyan", name="color", inherit_schema=True)),
        schema="print",
    )


def downgrade():
    op.drop_table("ink", schema="print")
    op.drop_table("paint", schema="app")
    sa.Enum(name="color", schema="app").drop(op.get_bind())
    op.execute("DROP SCHEMA app")

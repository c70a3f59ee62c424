"""events of a few kinds

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.Enum("CREATED", "DELETED", name="eventkind"), nullable=False),
    )
    op.create_table("feeds", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("feeds")
    op.drop_table("events")
    sa.Enum(name="eventkind").drop(op.get_bind(), checkfirst=True)

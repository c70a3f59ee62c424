"""initial

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(length=50)),
        sa.Column("price", sa.String(length=20)),
        sa.Column("label", sa.String(length=200)),
        sa.Column("note", sa.String(length=50)),
        sa.Column("qty", sa.Integer()),
        sa.Column("seen", sa.DateTime()),
        sa.Column("tags", postgresql.ARRAY(sa.Text())),
        sa.Column("state", sa.String(length=20)),
    )
    op.execute("CREATE TYPE item_state AS ENUM ('new', 'old')")


def downgrade():
    op.execute("DROP TYPE item_state")
    op.drop_table("items")

"""keys and links

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "keys",
        sa.Column("k", sa.Text(), primary_key=True),
    )
    op.create_table(
        "links",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key_ref", sa.Text(), nullable=True),
        sa.Column("other_ref", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["key_ref"], ["keys.k"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["other_ref"], ["keys.k"]),
    )


def downgrade():
    op.drop_table("links")
    op.drop_table("keys")

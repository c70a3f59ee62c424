"""clubs and members, created in public by name

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("club", sa.Column("id", sa.Integer(), primary_key=True), schema="public")
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("club_id", sa.Integer()),
        sa.ForeignKeyConstraint(["club_id"], ["public.club.id"]),
        schema="public",
    )


def downgrade():
    op.drop_table("member", schema="public")
    op.drop_table("club", schema="public")

"""releases and the notices that point at them

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("releases", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "notices",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("release_id", sa.Integer(), sa.ForeignKey("releases.id", name="notices_release_id_fkey")),
    )
    op.create_table(
        "statuses",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("release_id", sa.Integer(), sa.ForeignKey("releases.id", name="statuses_release_id_fkey")),
    )
    op.create_table(
        "releases_history",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("parent_id", sa.Integer(), sa.ForeignKey("releases_history.id")),
    )


def downgrade():
    op.drop_table("releases_history")
    op.drop_table("statuses")
    op.drop_table("notices")
    op.drop_table("releases")

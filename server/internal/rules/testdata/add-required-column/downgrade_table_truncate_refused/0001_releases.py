"""releases, and the notices that name them

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "release",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("codename", sa.String(64), nullable=False),
    )
    op.create_table(
        "notice_release",
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("release_id", sa.Integer(), sa.ForeignKey("release.id", name="fk_notice_release_release"), nullable=False),
    )


def downgrade():
    op.drop_table("notice_release")
    op.drop_table("release")

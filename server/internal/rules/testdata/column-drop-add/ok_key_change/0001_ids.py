"""revisions and tags with integer ids

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("revision", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "tag_revision",
        sa.Column("tag", sa.Text(), nullable=True),
        sa.Column("revision_id", sa.Integer(), sa.ForeignKey("revision.id"), nullable=True),
    )


def downgrade():
    op.drop_table("tag_revision")
    op.drop_table("revision")

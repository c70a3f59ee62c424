"""chroots

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("copr_chroot", sa.Column("name", sa.Text(), nullable=False))


def downgrade():
    op.drop_table("copr_chroot")

"""an id for every chroot: SERIAL fills every row

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("ALTER TABLE copr_chroot ADD COLUMN id SERIAL")
    op.create_primary_key("copr_chroot_pkey", "copr_chroot", ["id"])


def downgrade():
    op.drop_constraint("copr_chroot_pkey", "copr_chroot", type_="primary")
    op.drop_column("copr_chroot", "id")

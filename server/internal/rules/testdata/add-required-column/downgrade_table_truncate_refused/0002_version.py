"""the version of a release replaces its name

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("release", sa.Column("version", sa.String(8), nullable=True))
    op.drop_column("release", "codename")


def downgrade():
    op.add_column("release", sa.Column("codename", sa.String(64), nullable=False))  # expect[add-required-column:error]: NOT NULL and no server_default help: then op.alter_column("release", "codename", nullable=False).$
    op.drop_column("release", "version")

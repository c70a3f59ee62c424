"""the convention named the first unique constraint uq_releases_codename:
releases_codename_key is free

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.drop_column("releases", "id")


def downgrade():
    op.add_column("releases", sa.Column("id", sa.Integer(), nullable=True))
    op.create_unique_constraint("releases_codename_key", "releases", ["codename"])

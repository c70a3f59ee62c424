"""names become unique without a long lock: the index is built concurrently,
then the constraint takes it over under its own name

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("CREATE UNIQUE INDEX CONCURRENTLY uq_releases_name ON releases (name)")
        op.execute("ALTER TABLE releases ADD CONSTRAINT uq_releases_name UNIQUE USING INDEX uq_releases_name")


def downgrade():
    op.drop_constraint("uq_releases_name", "releases", type_="unique")

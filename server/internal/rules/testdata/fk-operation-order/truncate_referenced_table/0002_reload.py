"""releases are loaded anew

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("TRUNCATE TABLE releases")  # expect[fk-operation-order]: TRUNCATE "releases" runs while table "notices" has a foreign key to it help: in the same statement (TRUNCATE releases, notices, statuses), which empties them too
    op.execute("TRUNCATE releases, notices, statuses")
    op.execute("TRUNCATE releases CASCADE")
    op.execute("TRUNCATE releases_history")


def downgrade():
    pass

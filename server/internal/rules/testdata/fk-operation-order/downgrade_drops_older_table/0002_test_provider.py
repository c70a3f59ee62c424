"""a provider for load tests: the downgrade drops the whole table instead of the row

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("INSERT INTO provider (id, name) VALUES (99, 'loadtesting')")


def downgrade():
    op.drop_table("provider")  # expect[fk-operation-order]: help: But upgrade() does not create "provider": if dropping it is not meant, make downgrade() undo only what upgrade() did$

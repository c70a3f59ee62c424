"""event indexes built from a list

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = {"ix_events_kind": "kind"}


def upgrade():
    with op.get_context().autocommit_block():
        for name, column in INDEXES.items():
            op.execute(f"CREATE INDEX CONCURRENTLY {name} ON events ({column})")


def downgrade():
    for name in INDEXES:
        op.execute(f"DROP INDEX {name}")

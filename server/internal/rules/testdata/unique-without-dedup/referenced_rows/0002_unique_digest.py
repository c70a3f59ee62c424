"""one lock per digest

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    # deleting a duplicate lock would delete its stacks too
    op.create_unique_constraint("uq_locks_digest", "locks", ["digest"])  # expect[unique-without-dedup]: help: Merge the duplicates first: "stacks" has foreign keys to this table, so point their rows at the row you keep


def downgrade():
    op.drop_constraint("uq_locks_digest", "locks", type_="unique")

"""events in batch mode

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("events", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("kind", sa.String(20)))
    with op.batch_alter_table("events") as batch_op:
        batch_op.alter_column("kind", type=sa.String(40))  # expect[invalid-op-argument:warning]: (did you mean "type_"?) help: as if the argument were not written
        batch_op.create_index("ix_events_kind")  # expect[invalid-op-argument]: missing required argument "columns"
        batch_op.add_column("events", sa.Column("source", sa.String(20)))  # expect[invalid-op-argument]: takes 2 positional arguments but 3 were given


def downgrade():
    with op.batch_alter_table("events") as batch_op:
        batch_op.drop_column("source", "kind")  # expect[invalid-op-argument]: drop_column() takes 2 positional arguments but 3 were given
    op.drop_table("events")

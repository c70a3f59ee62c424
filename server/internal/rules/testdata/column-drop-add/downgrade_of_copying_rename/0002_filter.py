"""the upgrade renames apply_filter to filter by copying the values; the downgrade drops filter
without copying them back: its values are lost

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("persona", sa.Column("filter", sa.Boolean(), nullable=True))
    op.execute("UPDATE persona SET filter = apply_filter")
    op.drop_column("persona", "apply_filter")


def downgrade():
    op.add_column("persona", sa.Column("apply_filter", sa.Boolean(), nullable=True))
    op.drop_column("persona", "filter")  # expect[column-drop-add]: looks like a rename

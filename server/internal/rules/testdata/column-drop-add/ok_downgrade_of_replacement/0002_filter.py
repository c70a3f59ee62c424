"""the upgrade replaces apply_filter by a new filter column with values of its own; the downgrade
undoes that replacement, it does not rename filter back

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("persona", sa.Column("filter", sa.Boolean(), nullable=True))
    op.execute("UPDATE persona SET filter = TRUE")
    op.execute("DELETE FROM persona WHERE name = 'default'")
    op.drop_column("persona", "apply_filter")


def downgrade():
    op.add_column("persona", sa.Column("apply_filter", sa.Boolean(), nullable=True))
    op.drop_column("persona", "filter")

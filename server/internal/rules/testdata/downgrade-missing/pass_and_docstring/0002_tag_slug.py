"""tag slug

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    with op.batch_alter_table("tags") as batch_op:
        batch_op.add_column(sa.Column("slug", sa.String(80), nullable=True))
        batch_op.create_unique_constraint("uq_tags_slug", ["slug"])


def downgrade():  # expect[downgrade-missing]: help: column "slug" of relation "tags" already exists
    """Nothing to do."""

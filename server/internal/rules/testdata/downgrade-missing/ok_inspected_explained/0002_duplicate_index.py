"""drop the duplicate index some databases got

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    names = [ix["name"] for ix in sa.inspect(op.get_bind()).get_indexes("tags")]
    if "tags_label_dup" in names:
        op.drop_index("tags_label_dup", table_name="tags")


def downgrade():
    pass  # the duplicate was a mistake: nothing to restore

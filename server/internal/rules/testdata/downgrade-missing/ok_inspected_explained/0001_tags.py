"""tags and labels

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("tags", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("label", sa.String(50)))
    op.create_index("tags_label", "tags", ["label"])


def downgrade():
    op.drop_index("tags_label", table_name="tags")
    op.drop_table("tags")

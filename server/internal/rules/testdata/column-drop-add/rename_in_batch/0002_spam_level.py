"""the threshold is renamed in a batch block, where only the block's own
alter_column renames on SQLite

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("spam_threshold_level", sa.Integer(), nullable=True))
        batch.drop_column("spam_threshold")  # expect[column-drop-add]: looks like a rename help: Rename in place: batch.alter_column("spam_threshold", new_column_name="spam_threshold_level")$


def downgrade():
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("spam_threshold", sa.Integer(), nullable=True))
        batch.drop_column("spam_threshold_level")  # expect[column-drop-add]: looks like a rename in downgrade() help: Rename in place: batch.alter_column("spam_threshold_level", new_column_name="spam_threshold")$

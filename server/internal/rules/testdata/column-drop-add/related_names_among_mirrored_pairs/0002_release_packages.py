"""packages by release; autogenerate mirrors every add and drop, so each
JSON column added mirrors each JSON column dropped: only the names tell
which pair is the rename

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("notice", sa.Column("references", sa.JSON(), nullable=True))
    op.add_column("notice", sa.Column("release_packages", sa.JSON(), nullable=True))
    op.drop_column("notice", "packages")  # expect[column-drop-add]: drop_column("notice", "packages") + add_column of "release_packages" looks like a rename
    op.drop_column("notice", "summary")


def downgrade():
    op.add_column("notice", sa.Column("summary", sa.VARCHAR(), autoincrement=False, nullable=True))
    op.add_column("notice", sa.Column("packages", postgresql.JSON(astext_type=sa.Text()), autoincrement=False, nullable=True))
    op.drop_column("notice", "release_packages")  # expect[column-drop-add]: drop_column("notice", "release_packages") + add_column of "packages" looks like a rename in downgrade()
    op.drop_column("notice", "references")

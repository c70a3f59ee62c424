"""drop the library tables through the archive helper first

Revision ID: 0002
Revises: 0001
"""
from alembic import op

from myapp.archive import archive_and_drop_sql

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(archive_and_drop_sql("books"))
    op.drop_table('authors')


def downgrade():
    pass

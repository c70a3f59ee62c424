"""unique image tag

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.drop_index('ix_builds_image_tag', table_name='builds')
    op.create_unique_constraint('uq_builds_prj_tag', 'builds', ['prj', 'image_tag'], postgresql_nulls_not_distinct=True)  # expect[unique-without-dedup:warning]: existing rows not deduplicated first
    op.create_index('ix_builds_image_tag', 'builds', ['image_tag'], unique=True)  # expect[unique-without-dedup:warning]: a unique index on rows written since revision 0002 help: NULLs never conflict in a unique index


def downgrade():
    op.drop_constraint('uq_builds_prj_tag', 'builds', type_='unique')
    op.drop_index('ix_builds_image_tag', table_name='builds')
    op.create_index('ix_builds_image_tag', 'builds', ['image_tag'], unique=False)

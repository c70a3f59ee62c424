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
    op.alter_column('builds', 'image_tag', existing_type=sa.Integer(), nullable=False)
    op.create_index('ix_builds_image_tag_unique', 'builds', ['image_tag'], unique=True)  # expect[unique-without-dedup:warning]: existing rows not deduplicated first


def downgrade():
    op.drop_index('ix_builds_image_tag_unique', table_name='builds')
    op.alter_column('builds', 'image_tag', existing_type=sa.Integer(), nullable=True)

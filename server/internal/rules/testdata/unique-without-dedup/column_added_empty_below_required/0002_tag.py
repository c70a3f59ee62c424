"""image tag

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('builds', sa.Column('image_tag', sa.Integer(), nullable=True))
    op.create_index('ix_builds_image_tag', 'builds', ['image_tag'], unique=False)


def downgrade():
    op.drop_index('ix_builds_image_tag', table_name='builds')
    op.drop_column('builds', 'image_tag')

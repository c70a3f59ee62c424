"""image builds

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('builds', sa.Column('id', sa.Integer(), nullable=False), sa.Column('prj', sa.String(), nullable=True), sa.PrimaryKeyConstraint('id'))


def downgrade():
    op.drop_table('builds')

"""memberships and observations

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
    op.create_table('membership', sa.Column('id', sa.Integer(), nullable=False), sa.PrimaryKeyConstraint('id'))
    op.create_table('observation', sa.Column('id', sa.Integer(), nullable=False), sa.PrimaryKeyConstraint('id'))
    op.create_table('audit', sa.Column('id', sa.Integer(), nullable=False), sa.PrimaryKeyConstraint('id'))


def downgrade():
    op.drop_table('audit')
    op.drop_table('observation')
    op.drop_table('membership')

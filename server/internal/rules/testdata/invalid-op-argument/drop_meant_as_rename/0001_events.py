"""events

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
    op.create_table('events', sa.Column('id', sa.Integer(), nullable=False), sa.Column('event_url', sa.String(), nullable=True), sa.PrimaryKeyConstraint('id'))


def downgrade():
    op.drop_table('events')

"""external event url

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
    op.alter_column('events', 'event_url', new_column_name='external_event_url')


def downgrade():
    op.drop_column('events', 'external_event_url', new_column_name='event_url')  # expect[invalid-op-argument:error]: help: this drops the column and its data, where the keyword says a rename was meant. Rename it instead: op.alter_column('events', 'external_event_url', new_column_name='event_url')

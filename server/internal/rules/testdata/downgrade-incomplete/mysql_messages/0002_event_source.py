"""events.source, a sources table and a check

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05 03:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('sources', sa.Column('id', sa.Integer(), nullable=False), sa.PrimaryKeyConstraint('id'))  # expect[downgrade-incomplete]: help: fails with: Table 'sources' already exists
    op.add_column('events', sa.Column('source', sa.String(length=50), nullable=True))  # expect[downgrade-incomplete]: help: fails with: Duplicate column name 'source'
    op.create_index('ix_events_kind', 'events', ['kind'])  # expect[downgrade-incomplete]: help: fails with: Duplicate key name 'ix_events_kind'
    op.create_check_constraint('ck_events_kind', 'events', "kind <> ''")


def downgrade():
    op.drop_constraint('ck_events_kind', 'events', type_='check')

"""index events.kind concurrently

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 19:06:13.662913

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.create_index('ix_events_kind', 'events', ['kind'], unique=False, postgresql_concurrently=True)


def downgrade() -> None:
    op.drop_index('ix_events_kind', table_name='events', postgresql_concurrently=True)  # expect[concurrently-in-transaction]: help: DROP INDEX CONCURRENTLY cannot run

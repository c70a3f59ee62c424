"""executable becomes a hash of the command line, which moves to readable

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_column('heartbeats', 'executable')
    op.add_column('heartbeats', sa.Column('executable', sa.String(64)))
    op.add_column('heartbeats', sa.Column('readable', sa.String(4000)))


def downgrade() -> None:
    op.drop_column('heartbeats', 'readable')
    op.drop_column('heartbeats', 'executable')
    op.add_column('heartbeats', sa.Column('executable', sa.String(767)))

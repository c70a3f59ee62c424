"""executable narrowed by a drop and an add

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
    op.drop_column('heartbeats', 'executable')  # expect[column-drop-add:warning]: add_column of "executable" again replaces the column help: Every value in heartbeats.executable is lost
    op.add_column('heartbeats', sa.Column('executable', sa.String(64)))
    op.add_column('heartbeats', sa.Column('host', sa.String(255)))

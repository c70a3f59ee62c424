"""request_id becomes optional, by dropping and adding it again

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
    op.drop_column('devices', 'request_id')  # expect[column-drop-add:warning]: replaces the column help: op.alter_column('devices', 'request_id', existing_type=sa.String(36), nullable=True)
    op.add_column('devices', sa.Column('request_id', sa.String(36), nullable=True))


def downgrade() -> None:
    pass

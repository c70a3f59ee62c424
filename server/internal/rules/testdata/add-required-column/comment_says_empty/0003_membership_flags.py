"""membership flags

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    # This migration assumes there is no existing data in the table
    op.add_column('membership', sa.Column('is_uncredited', sa.Boolean(), nullable=False))  # expect[add-required-column:warning]: help: A comment in upgrade() says "membership" holds no rows


def downgrade():
    op.drop_column('membership', 'is_uncredited')

"""moods

Revision ID: 0001
Revises:
Create Date: 2026-11-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('users', sa.Column('id', sa.Integer(), nullable=False))
    postgresql.ENUM('calm', 'busy', name='mood').create(op.get_bind(), checkfirst=False)  # expect[enum-type-not-dropped]: "mood"


def downgrade() -> None:
    op.drop_table('users')

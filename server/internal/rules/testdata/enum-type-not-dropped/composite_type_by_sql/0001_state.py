"""tokenizer state

Revision ID: 0001
Revises:
Create Date: 2026-12-05 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('documents', sa.Column('id', sa.Integer(), nullable=False))
    op.execute("CREATE TYPE token_state AS (position integer, token text)")  # expect[enum-type-not-dropped]: composite type "token_state"


def downgrade() -> None:
    op.drop_table('documents')

"""add orders

Revision ID: c3d4e5f6a7b8
Revises: a1b2c3d4e5f6  # expect[revision-id-mismatch]: help: Write "Revises: b2c3d4e5f6a7"
Create Date: 2026-11-19 11:30:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c3d4e5f6a7b8'
down_revision: Union[str, None] = 'b2c3d4e5f6a7'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('orders', sa.Column('id', sa.Integer(), nullable=False), sa.PrimaryKeyConstraint('id'))


def downgrade() -> None:
    op.drop_table('orders')

"""index item names without blocking writes

Revision ID: 3d2c4e5f6a03
Revises: 2e1b3c4d5e02
Create Date: 2026-12-01 08:05:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '3d2c4e5f6a03'
down_revision: Union[str, None] = '2e1b3c4d5e02'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index(op.f('ix_items_name'), 'items', ['name'], unique=False, postgresql_concurrently=True)


def downgrade() -> None:
    op.drop_index(op.f('ix_items_name'), table_name='items', postgresql_concurrently=True)

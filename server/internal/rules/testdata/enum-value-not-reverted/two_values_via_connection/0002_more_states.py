"""more order states

Revision ID: 9c1e5b7a2f40
Revises: 0001
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "9c1e5b7a2f40"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    conn = op.get_bind()
    with op.get_context().autocommit_block():
        conn.execute(sa.text("ALTER TYPE status_type ADD VALUE IF NOT EXISTS 'cancelled'"))  # expect[enum-value-not-reverted]: the values 'cancelled', 'returned' added here stay
        conn.execute(sa.text("ALTER TYPE status_type ADD VALUE IF NOT EXISTS 'returned'"))
    op.add_column("orders", sa.Column("returned_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    op.drop_column("orders", "returned_at")

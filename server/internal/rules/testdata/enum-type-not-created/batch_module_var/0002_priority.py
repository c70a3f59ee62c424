"""order priority

Revision ID: 3f9a1c2b7d10
Revises: 0001
Create Date: 2026-11-21 09:12:44.120391

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision: str = "3f9a1c2b7d10"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

order_priority = postgresql.ENUM("low", "normal", "urgent", name="order_priority", create_type=False)


def upgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("priority", order_priority, nullable=True)  # expect[enum-type-not-created]: help: order_priority.create(op.get_bind(), checkfirst=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_column("priority")

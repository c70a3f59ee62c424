"""tickets

Revision ID: a1b2c3d4e5f6
Revises:
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision: str = "a1b2c3d4e5f6"
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

priority = postgresql.ENUM("low", "high", name="ticket_priority", create_type=False)


def upgrade() -> None:
    priority.create(op.get_bind(), checkfirst=False)
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("priority", priority, nullable=False),
    )
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.add_column(sa.Column("escalation", priority, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.drop_column("escalation")
    op.drop_table("tickets")  # expect[enum-type-not-dropped]: "ticket_priority"
    priority.drop(op.get_bind(), checkfirst=True)

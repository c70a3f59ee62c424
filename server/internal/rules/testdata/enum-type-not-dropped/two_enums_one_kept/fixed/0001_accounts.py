"""accounts with two enum types; the downgrade drops one of them

Revision ID: 7c1e2d3f4a5b
Revises:
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "7c1e2d3f4a5b"
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan", sa.Enum("free", "pro", name="account_plan"), nullable=False),
        sa.Column("state", sa.Enum("active", "closed", name="account_state"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("accounts")  # expect[enum-type-not-dropped]: enum type "account_state"
    sa.Enum(name="account_state").drop(op.get_bind(), checkfirst=True)
    op.execute("DROP TYPE account_plan")

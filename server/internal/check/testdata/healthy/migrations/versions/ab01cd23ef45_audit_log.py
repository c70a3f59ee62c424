"""audit log (separate branch)

The audit branch has its own base. It needs users, so it depends on the
revision that creates them.

Revision ID: ab01cd23ef45
Revises: 
Create Date: 2023-03-20 12:00:41.771029

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "ab01cd23ef45"
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = ("audit",)
depends_on: Union[str, Sequence[str], None] = "4f1a9c2e7b10"


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name="fk_audit_log_user_id_users",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("audit_log")

"""member constraints

Revision ID: 3c4d5e6f7081
Revises: 2b3c4d5e6f70
Create Date: 2026-08-02 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "3c4d5e6f7081"
down_revision: Union[str, None] = "2b3c4d5e6f70"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.create_unique_constraint(None, ["email", "handle"])  # expect[unnamed-constraint:info]: leaves the name to PostgreSQL help: "members_email_handle_key"
        batch_op.create_foreign_key(None, "teams", ["team_id"], ["id"], ondelete="SET NULL")  # expect[unnamed-constraint:info]: leaves the name to PostgreSQL help: "members_team_id_fkey"


def downgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_constraint(None, type_="foreignkey")  # expect[unnamed-constraint]: help: PostgreSQL named it "members_team_id_fkey"
        batch_op.drop_constraint(None, type_="unique")  # expect[unnamed-constraint]: help: UniqueConstraint(...); it has no name

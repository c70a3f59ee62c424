"""notes belong to users

Revision ID: n0001
Revises:
"""
from typing import Sequence, Union

from alembic.op import create_foreign_key, create_table, drop_constraint, drop_table
import sqlalchemy as sa

revision: str = "n0001"
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    create_table("users", sa.Column("id", sa.Integer(), primary_key=True))
    create_table("notes", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("user_id", sa.Integer()))
    create_foreign_key("fk_notes_user_id", "notes", "users", ["user_id"], ["id"])  # expect[sqlite-alter-without-batch]: help: batch_op.create_foreign_key("fk_notes_user_id", ...)


def downgrade() -> None:
    drop_constraint("fk_notes_user_id", "notes", type_="foreignkey")  # expect[sqlite-alter-without-batch]: help: NotImplementedError
    drop_table("notes")
    drop_table("users")

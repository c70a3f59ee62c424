"""SQLite's ALTER TABLE refuses a NOT NULL column without default, rows or not

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DELETE FROM feedback")
    op.add_column("feedback", sa.Column("score", sa.Integer(), nullable=False))  # expect[add-required-column]: help: SQLite refuses it even on an empty table: Cannot add a NOT NULL column with default value NULL
    with op.batch_alter_table("retrievals") as batch_op:
        batch_op.add_column(sa.Column("rank", sa.Integer(), nullable=False))  # expect[add-required-column]: help: batch mode's copy fails with: NOT NULL constraint failed: _alembic_tmp_retrievals.rank


def downgrade():
    with op.batch_alter_table("retrievals") as batch_op:
        batch_op.drop_column("rank")
    with op.batch_alter_table("feedback") as batch_op:
        batch_op.drop_column("score")

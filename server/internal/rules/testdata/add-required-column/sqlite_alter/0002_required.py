"""SQLite's ALTER TABLE refuses a NOT NULL column without default on a table with rows

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
    op.add_column("feedback", sa.Column("score", sa.Integer(), nullable=False))  # expect[add-required-column:warning]: help: If the table has rows, SQLite refuses it: Cannot add a NOT NULL column with default value NULL. Either give the existing rows a value with a server default and drop it afterwards: sa.Column("score", sa.Integer(), nullable=False, server_default=<SQL value>) then op.alter_column("feedback", "score", server_default=None)
    with op.batch_alter_table("feedback") as batch_op:
        # a block that only adds runs ALTER TABLE, which never applies default=
        batch_op.add_column(sa.Column("weight", sa.Integer(), nullable=False, default=1))  # expect[add-required-column:warning]: help: then with op.batch_alter_table("feedback") as batch_op: batch_op.alter_column("weight", server_default=None), in a batch block of its own after the add; or add it nullable=True, op.execute("UPDATE feedback SET weight = <value>"), then with op.batch_alter_table("feedback") as batch_op: batch_op.alter_column("weight", nullable=False), in a batch block of its own after the UPDATE.
    with op.batch_alter_table("retrievals") as batch_op:
        batch_op.add_column(sa.Column("rank", sa.Integer(), nullable=False))  # expect[add-required-column:warning]: help: batch mode's copy fails with: NOT NULL constraint failed: _alembic_tmp_retrievals.rank
        batch_op.add_column(sa.Column("label", sa.Text(), nullable=False, default=None))  # expect[add-required-column:warning]: help: batch mode's copy fails with: NOT NULL constraint failed: _alembic_tmp_retrievals.label
        batch_op.drop_column("legacy")


def downgrade():
    with op.batch_alter_table("retrievals") as batch_op:
        batch_op.add_column(sa.Column("legacy", sa.Text(), nullable=True))
        batch_op.drop_column("label")
        batch_op.drop_column("rank")
    with op.batch_alter_table("feedback") as batch_op:
        batch_op.drop_column("weight")
        batch_op.drop_column("score")

"""messages

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("messages", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("reference", sa.String(255)))
    op.drop_column("messages", "reference")


def downgrade():
    # a name where the Column belongs
    op.add_column("messages", "reference")  # expect[invalid-op-argument:error]: add_column is given the name "reference" where a Column belongs help: Pass the column: op.add_column("messages", sa.Column("reference", <type>))
    with op.batch_alter_table("messages") as batch_op:
        batch_op.add_column("note")  # expect[invalid-op-argument:error]: given the name "note" help: batch_op.add_column(sa.Column("note", <type>))
    op.drop_table("messages")

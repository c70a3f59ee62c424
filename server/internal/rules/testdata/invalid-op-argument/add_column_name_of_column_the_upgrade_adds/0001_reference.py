"""message reference, on a table the history does not know

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.add_column("messages", sa.Column("reference", sa.String(length=255), nullable=True))
    op.add_column("messages", sa.Column("note", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("messages", "note")
    op.add_column("messages", "reference")  # expect[invalid-op-argument:error]: help: to remove it, write op.drop_column("messages", "reference")$
    op.add_column("messages", "note")  # expect[invalid-op-argument:error]: help: Pass the column: op.add_column("messages", sa.Column("note", <type>)) (downgrade() stops earlier on every database, at line 20 (invalid-op-argument): this line is not reached before that is fixed.)$

"""codebases; the downgrade drops the table, then its index without a table
name: naming the table would not help, the index went with it

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("codebases", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name_hash", sa.String(40)))
    op.create_index("codebases_name_hash", "codebases", ["name_hash"], unique=True)


def downgrade():
    op.drop_table("codebases")
    op.drop_index("codebases_name_hash")  # expect[invalid-op-argument:error]: drop_index without table_name on MySQL help: Naming the table does not help: "codebases" is dropped at line 20, before it, and its indexes with it. Delete this drop_index, or move it before that line with table_name="codebases"$

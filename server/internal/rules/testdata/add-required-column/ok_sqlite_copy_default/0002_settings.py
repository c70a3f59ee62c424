"""the copy of a recreated table applies a literal default=; an empty table takes the column

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
    # drop_column makes batch mode move and copy the table: INSERT ... SELECT fills the new columns
    with op.batch_alter_table("jobs") as batch_op:
        batch_op.add_column(sa.Column("settings", sa.JSON(), nullable=False, default={}))
        batch_op.add_column(sa.Column("retries", sa.Integer(), nullable=False, default=-1))
        batch_op.drop_column("legacy")
    with op.batch_alter_table("runs", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("status", sa.String(20), nullable=False, default="queued"))
    # SQLite (3.40) accepts ADD COLUMN ... NOT NULL on an empty table
    op.execute("DELETE FROM notes")
    op.add_column("notes", sa.Column("body", sa.Text(), nullable=False))


def downgrade():
    op.drop_column("notes", "body")
    with op.batch_alter_table("runs", recreate="always") as batch_op:
        batch_op.drop_column("status")
    with op.batch_alter_table("jobs") as batch_op:
        batch_op.add_column(sa.Column("legacy", sa.Text(), nullable=True))
        batch_op.drop_column("retries")
        batch_op.drop_column("settings")

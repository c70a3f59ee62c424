"""notes lose their author and body

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
    op.drop_column("notes", "body")
    op.drop_column("notes", "user_id")  # expect[sqlite-alter-without-batch]: help: error in table notes after drop column: unknown column "user_id" in foreign key definition


def downgrade():
    op.add_column("notes", sa.Column("body", sa.Text(), nullable=True))
    with op.batch_alter_table("notes") as batch_op:
        batch_op.add_column(sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True))

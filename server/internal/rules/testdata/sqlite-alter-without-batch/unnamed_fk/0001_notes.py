"""notes belong to users, through an unnamed foreign key

Revision ID: n0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "n0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("notes", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("user_id", sa.Integer()))
    op.create_foreign_key(None, "notes", "users", ["user_id"], ["id"])  # expect[sqlite-alter-without-batch]: help: batch_op.create_foreign_key("<name>", ...), naming the constraint: the copy refuses an unnamed one (ValueError: Constraint must have a name)


def downgrade():
    # batch mode would refuse the unnamed drop too: unnamed-constraint reports it
    op.drop_constraint(None, "notes", type_="foreignkey")
    op.drop_table("notes")
    op.drop_table("users")

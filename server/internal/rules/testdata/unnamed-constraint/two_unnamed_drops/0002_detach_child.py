"""autogenerate's leftovers: two unnamed foreign key drops, one key known

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
    with op.batch_alter_table("child", schema=None) as batch_op:
        # one name cannot serve both: no name is suggested
        batch_op.drop_constraint(None, type_="foreignkey")  # expect[unnamed-constraint]: help: Name the constraint as it is in the database
        batch_op.drop_constraint(None, type_="foreignkey")  # expect[unnamed-constraint]: help: Name the constraint as it is in the database


def downgrade():
    op.create_foreign_key("child_parent_id_fkey", "child", "parent", ["parent_id"], ["id"])

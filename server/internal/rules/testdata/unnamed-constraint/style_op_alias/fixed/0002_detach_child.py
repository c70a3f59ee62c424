"""child no longer references parent, style op alias

Revision ID: 0002
Revises: 0001
"""
from alembic import op as migration_op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    migration_op.drop_constraint(migration_op.f("fk_child_parent"), "child", type_="foreignkey")  # expect[unnamed-constraint]: help: The only foreign key known on "child" is "fk_child_parent"


def downgrade():
    migration_op.create_foreign_key("parent", "child", "parent", ["parent_id"], ["id"])

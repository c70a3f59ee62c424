"""child no longer references parent

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_constraint(op.f("fk_child_parent"), "child", type_="foreignkey")  # expect[unnamed-constraint]: help: The only foreign key known on "child" is "fk_child_parent"


def downgrade():
    op.create_foreign_key("parent", "child", "parent", ["parent_id"], ["id"])

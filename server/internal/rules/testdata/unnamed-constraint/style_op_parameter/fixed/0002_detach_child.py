"""child no longer references parent, style op parameter

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade(op):
    op.drop_constraint(op.f("fk_child_parent"), "child", type_="foreignkey")  # expect[unnamed-constraint]: help: The only foreign key known on "child" is "fk_child_parent"


def downgrade(op):
    op.create_foreign_key("parent", "child", "parent", ["parent_id"], ["id"])

"""child no longer references parent, style import alembic

Revision ID: 0002
Revises: 0001
"""
import alembic

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    alembic.op.drop_constraint(None, "child", type_="foreignkey")  # expect[unnamed-constraint]: help: The only foreign key known on "child" is "fk_child_parent"


def downgrade():
    alembic.op.create_foreign_key("parent", "child", "parent", ["parent_id"], ["id"])

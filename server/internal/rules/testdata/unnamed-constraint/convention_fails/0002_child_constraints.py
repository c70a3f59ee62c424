"""child constraints

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_foreign_key(None, "child", "parent", ["parent_id"], ["id"])


def downgrade():
    op.drop_constraint(None, "child", type_="foreignkey")  # expect[unnamed-constraint]: help: IndexError: list index out of range. upgrade() creates it unnamed, so the convention named it "fk_child_parent_id_parent"

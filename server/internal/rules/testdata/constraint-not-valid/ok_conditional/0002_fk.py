"""conditional fk

Revision ID: 0002
Revises: 0001
"""
from alembic import op
from alembic import context

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    if context.get_x_argument(as_dictionary=True).get("with_fk"):
        op.create_foreign_key("fk_child_parent_id_parent", "child", "parent", ["parent_id"], ["id"])


def downgrade():
    pass

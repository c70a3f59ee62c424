"""children no longer need a parent row

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _restore_key():
    op.create_foreign_key(None, "child", "parent", ["parent_id"], ["id"])  # expect[unnamed-constraint:info]: "child_parent_id_fkey" in downgrade()


def upgrade():
    op.drop_constraint("child_parent_fk", "child", type_="foreignkey")


def downgrade():
    _restore_key()

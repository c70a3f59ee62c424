"""child references parent, not valid yet

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_foreign_key(
        "fk_child_parent_id_parent", "child", "parent", ["parent_id"], ["id"], postgresql_not_valid=True
    )
    op.create_check_constraint("ck_child_parent_id", "child", "parent_id > 0", postgresql_not_valid=True)


def downgrade():
    op.drop_constraint("ck_child_parent_id", "child", type_="check")
    op.drop_constraint("fk_child_parent_id_parent", "child", type_="foreignkey")

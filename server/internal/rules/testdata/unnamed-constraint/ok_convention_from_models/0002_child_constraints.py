"""child constraints, named by the naming convention

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
    op.create_unique_constraint(None, "child", ["email"])
    op.create_check_constraint("email_not_empty", "child", "email <> ''")


def downgrade():
    op.drop_constraint("ck_child_email_not_empty", "child")
    op.drop_constraint("uq_child_email", "child", type_="unique")
    op.drop_constraint("fk_child_parent_id_parent", "child", type_="foreignkey")

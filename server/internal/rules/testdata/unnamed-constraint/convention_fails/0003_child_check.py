"""child check

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint(None, "child", "email <> ''")  # expect[unnamed-constraint]: help: Naming convention including %(constraint_name)s token requires that constraint is explicitly named


def downgrade():
    op.drop_constraint("ck_child_email_not_empty", "child", type_="check")

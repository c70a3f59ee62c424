"""member checks

Revision ID: 3c4d5e6f7081
Revises: 2b3c4d5e6f70
"""
from alembic import op
import sqlalchemy as sa

revision = "3c4d5e6f7081"
down_revision = "2b3c4d5e6f70"
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint(None, "members", "length(handle) >= 3")  # expect[unnamed-constraint:warning]: help: Give it an explicit name


def downgrade():
    op.drop_constraint(None, "members", type_="check")  # expect[unnamed-constraint]: help: CheckConstraint(...); it has no name
    op.drop_constraint(None, "members")  # expect[unnamed-constraint]: help: for constraint Constraint(...)

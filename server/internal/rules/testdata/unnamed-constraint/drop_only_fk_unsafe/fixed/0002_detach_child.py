"""child no longer references parent

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_constraint("child_parent_id_fkey", "child", type_="foreignkey")  # expect[unnamed-constraint]: help: The only foreign key known on "child" is "child_parent_id_fkey"


def downgrade():
    op.create_foreign_key("child_parent_id_fkey", "child", "parent", ["parent_id"], ["id"])

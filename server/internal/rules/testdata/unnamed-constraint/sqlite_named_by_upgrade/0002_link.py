"""child references parent, in batch mode; the downgrade's autogenerate left the name out and batch mode too

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
    with op.batch_alter_table("child") as batch_op:
        batch_op.create_foreign_key("fk_child_parent_id", "parent", ["parent_id"], ["id"])


def downgrade():
    op.drop_constraint(None, "child", type_="foreignkey")  # expect[unnamed-constraint]: help: drop it by that name. On SQLite a name is not enough: drop it in batch mode

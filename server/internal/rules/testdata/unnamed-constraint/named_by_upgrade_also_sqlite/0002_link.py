"""child references parent; the downgrade left the name out, on a project that runs on SQLite too

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
    op.create_foreign_key("fk_child_parent_id", "child", "parent", ["parent_id"], ["id"])


def downgrade():
    op.drop_constraint(None, "child", type_="foreignkey")  # expect[unnamed-constraint]: help: upgrade() creates it as "fk_child_parent_id": drop it by that name. On SQLite, which the project runs on too, a name is not enough: drop it in batch mode

"""PostgreSQL is certain; a MySQL driver among the dependencies reaches other
databases (a connector), not the application's: PostgreSQL's names are written

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_foreign_key(None, "child", "parent", ["parent_id"], ["id"])  # expect[unnamed-constraint:info]: leaves the name to PostgreSQL help: Name it as PostgreSQL would: "child_parent_id_fkey".


def downgrade():
    op.drop_constraint(None, "child", type_="foreignkey")  # expect[unnamed-constraint:error]: help: so PostgreSQL named it "child_parent_id_fkey": drop it by that name.

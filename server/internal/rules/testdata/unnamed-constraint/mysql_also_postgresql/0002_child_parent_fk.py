"""on MySQL the key is child_ibfk_1, on PostgreSQL child_parent_id_fkey: the
project may run on both (MySQL was not certain), so no fix writes either name

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_foreign_key(None, "child", "parent", ["parent_id"], ["id"])  # expect[unnamed-constraint:warning]: help: Name it as MySQL would: "child_ibfk_1". The project may also run on postgresql, which names it otherwise


def downgrade():
    op.drop_constraint(None, "child", type_="foreignkey")  # expect[unnamed-constraint:error]: help: so MySQL named it "child_ibfk_1": drop it by that name. The project may also run on postgresql

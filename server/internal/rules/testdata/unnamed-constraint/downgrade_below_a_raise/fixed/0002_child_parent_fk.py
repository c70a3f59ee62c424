"""child.parent_id references parent; the downgrade cannot compile, but the heads never reach it

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_foreign_key("child_parent_id_fkey", "child", "parent", ["parent_id"], ["id"])


def downgrade():
    op.drop_constraint("child_parent_id_fkey", "child", type_="foreignkey")  # expect[unnamed-constraint]: help: (Only a database left between this revision and 0003 runs this line: every way down from the heads passes a downgrade that cannot run, and that of 0003, the nearest above this one, raises.)$

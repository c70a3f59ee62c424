"""builders get an index on their project

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_index("builders_projectid", "builders", ["projectid"])


def downgrade():
    op.drop_index("builders_projectid")  # expect[invalid-op-argument:error]: drop_index without table_name on MySQL help: Name the table: op.drop_index("builders_projectid", table_name="builders")

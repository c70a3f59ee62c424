"""names unique per project: rows may repeat (name, project) since 0003

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade():
    op.create_index("ix_endpoint_name_project", "endpoint", ["name", "project"], unique=True)  # expect[unique-without-dedup]: existing rows not deduplicated first


def downgrade():
    op.drop_index("ix_endpoint_name_project", table_name="endpoint")

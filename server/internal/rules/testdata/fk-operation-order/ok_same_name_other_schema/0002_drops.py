"""tables dropped whose names other schemas' tables are referenced by

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.drop_table("project", schema="cognition")
    op.drop_table("users", schema="public")


def downgrade():
    pass

"""authors go first: nothing refers to them any more

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade():
    op.drop_table("authors")
    op.drop_table("books")


def downgrade():
    pass

"""authors go first

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade():
    op.drop_table("authors")  # expect[fk-operation-order]: drop_table("authors") runs while table "books" still has a foreign key to it
    op.drop_table("books")


def downgrade():
    pass

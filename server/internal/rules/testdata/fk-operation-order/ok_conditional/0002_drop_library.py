"""drop authors where books were already archived

Revision ID: 0002
Revises: 0001
"""
from alembic import context, op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    if context.get_x_argument(as_dictionary=True).get("books_archived"):
        op.drop_table('authors')


def downgrade():
    pass

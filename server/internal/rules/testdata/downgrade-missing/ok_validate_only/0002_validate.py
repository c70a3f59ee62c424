"""validate the foreign key once the rows are checked; nothing to undo

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute('ALTER TABLE orders VALIDATE CONSTRAINT "orders_user_id_fkey"')


def downgrade():
    pass

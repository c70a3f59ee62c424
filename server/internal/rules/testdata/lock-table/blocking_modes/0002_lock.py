"""second

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"



def upgrade():
    op.execute("LOCK TABLE users")  # expect[lock-table]: LOCK TABLE "users" IN ACCESS EXCLUSIVE MODE blocks reads and writes of an existing table
    op.execute(sa.text("LOCK TABLE orders IN SHARE MODE"))  # expect[lock-table]: LOCK TABLE "orders" IN SHARE MODE blocks writes of an existing table
    op.get_bind().execute(sa.text("SET lock_timeout = '5s'; LOCK TABLE ONLY users, orders IN EXCLUSIVE MODE"))  # expect[lock-table]: LOCK TABLE "users" IN EXCLUSIVE MODE blocks writes  # expect[lock-table]: LOCK TABLE "orders" IN EXCLUSIVE MODE


def downgrade():
    pass

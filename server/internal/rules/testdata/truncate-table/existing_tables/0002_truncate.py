"""second

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"



def upgrade():
    op.execute("TRUNCATE orders")  # expect[truncate-table]: TRUNCATE empties existing table "orders" under ACCESS EXCLUSIVE
    op.execute(sa.text("TRUNCATE TABLE users CASCADE"))  # expect[truncate-table]: TRUNCATE ... CASCADE empties existing table "users" and every table that references it
    conn = op.get_bind()
    conn.exec_driver_sql("TRUNCATE orders")  # expect[truncate-table]: TRUNCATE empties existing table "orders"
    op.execute(sa.DDL("TRUNCATE users"))  # expect[truncate-table]: TRUNCATE empties existing table "users"


def downgrade():
    pass

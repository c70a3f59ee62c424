"""account plan, in batch mode on PostgreSQL (ALTER statements, no copy of the table)

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    with op.batch_alter_table("accounts") as batch_op:
        batch_op.add_column(sa.Column("plan", sa.String(length=20), nullable=False))  # expect[add-required-column]: help: server_default=<SQL value>) then with op.batch_alter_table("accounts") as batch_op: batch_op.alter_column("plan", server_default=None), in a batch block of its own after the add; or add it nullable=True


def downgrade():
    with op.batch_alter_table("accounts") as batch_op:
        batch_op.drop_column("plan")

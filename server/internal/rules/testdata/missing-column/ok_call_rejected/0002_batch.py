"""a batch drop_column given the table too: Python rejects the call before anything runs

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("users", "email")


def downgrade():
    pass

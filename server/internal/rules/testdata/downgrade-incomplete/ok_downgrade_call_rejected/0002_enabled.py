"""users.enabled, dropped in the downgrade by a call Python rejects

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("enabled", sa.Boolean(), nullable=True))


def downgrade():
    with op.batch_alter_table("users") as batch:
        batch.drop_column("users", "enabled")  # invalid-op-argument: drop_column() takes 2 positional arguments but 3 were given

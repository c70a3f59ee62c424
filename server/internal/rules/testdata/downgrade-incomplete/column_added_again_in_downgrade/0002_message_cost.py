"""a cost per message; the downgrade, copied from the upgrade, adds the
column again where it meant to drop it

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("notifications", sa.Column("message_cost", sa.Float(), nullable=True))  # expect[downgrade-incomplete:error]: never drops it help: downgrade() creates "message_cost" again at line 19 while it is still there, and fails with: column "message_cost" of relation "notifications" already exists. If that add_column was meant to drop it, replace line 19 with: op.drop_column("notifications", "message_cost")$


def downgrade():
    op.add_column("notifications", sa.Column("message_cost", sa.Float(), nullable=True))

"""conditional and non-native enums

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("orders", sa.Column("channel", sa.Enum("web", "shop", name="channel_type", native_enum=False)))
    if op.get_context().config.get_main_option("optional_steps") == "on":
        op.add_column("orders", sa.Column("status", sa.Enum("pending", "shipped", name="status_type")))


def downgrade():
    op.drop_column("orders", "channel")

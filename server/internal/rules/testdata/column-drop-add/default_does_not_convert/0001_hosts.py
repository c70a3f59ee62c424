"""hosts

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "hosts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("state", sa.Enum("up", "down", name="hoststate"), nullable=False, server_default="up"),
    )
    op.create_table(
        "ports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("port", sa.String(length=10), nullable=True, server_default="80"),
    )
    op.create_table(
        "zones",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("zone", sa.String(length=10), nullable=True),
    )


def downgrade():
    op.drop_table("zones")
    op.drop_table("ports")
    op.drop_table("hosts")
    sa.Enum(name="hoststate").drop(op.get_bind())

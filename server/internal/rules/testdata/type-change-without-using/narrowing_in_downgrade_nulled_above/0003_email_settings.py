"""email settings move to their own table; the downgrade adds the columns back, fills the user, the name (through the application) and, when asked, the sender and gives the port a default

Revision ID: 0003
Revises: 0002
"""
import os

from alembic import op
import sqlalchemy as sa

from shop.email import restore_sender_names

revision = "0003"
down_revision = "0002"


def upgrade():
    op.create_table("email_settings", sa.Column("store_id", sa.Integer(), primary_key=True), sa.Column("settings", sa.Text()))
    op.drop_column("stores", "email_host")
    op.drop_column("stores", "email_user")
    op.drop_column("stores", "email_port")
    op.drop_column("stores", "email_name")
    op.drop_column("stores", "email_sender")


def downgrade():
    op.add_column("stores", sa.Column("email_name", sa.Text(), nullable=True))
    restore_sender_names(op.get_bind())
    op.add_column("stores", sa.Column("email_host", sa.Text(), nullable=True))
    op.add_column("stores", sa.Column("email_user", sa.Text(), nullable=True))
    op.add_column("stores", sa.Column("email_port", sa.Text(), server_default="25", nullable=True))
    op.execute("UPDATE stores SET email_user = 'admin'")
    op.add_column("stores", sa.Column("email_sender", sa.Text(), nullable=True))
    if os.environ.get("RESTORE_SENDER"):
        op.execute("UPDATE stores SET email_sender = 'shop'")
    op.drop_table("email_settings")

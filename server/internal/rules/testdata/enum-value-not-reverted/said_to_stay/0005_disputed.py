"""add disputed; the downgrade says values stay, but it does other work too, and names no value of this type

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE status_type ADD VALUE IF NOT EXISTS 'disputed'")  # expect[enum-value-not-reverted:info]
    op.add_column("notes", sa.Column("flag", sa.Boolean(), nullable=True))


def downgrade():
    # the values will remain in the enum type
    op.drop_column("notes", "flag")

"""tag colors where tags are installed

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    # the check is for the table, not for the column: a second run adds it again
    if not sa.inspect(op.get_bind()).has_table("tags"):
        return
    op.add_column("tags", sa.Column("color", sa.String(7), nullable=True))


def downgrade():  # expect[downgrade-missing]: upgrade() changes the schema (add_column) but downgrade() does nothing
    pass  # colors are harmless

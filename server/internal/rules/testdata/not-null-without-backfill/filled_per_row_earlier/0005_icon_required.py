"""every shape has an icon

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"


def upgrade():
    op.alter_column("shapes", "icon", existing_type=sa.String(40), nullable=False)  # expect[not-null-without-backfill:warning]: revision "0002" set it on some rows only, to what may be NULL help: Revision "0002" set the column on some rows only, to what may be NULL: rows it left NULL, and rows written since without a value, make the upgrade fail


def downgrade():
    op.alter_column("shapes", "icon", existing_type=sa.String(40), nullable=True)

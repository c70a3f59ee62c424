"""longer serials again, without existing_type: the schema says what it was

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
    op.alter_column("tokens", "serial", type_=sa.String(200))


def downgrade():  # expect[downgrade-missing:info]: help: a column made wider
    pass

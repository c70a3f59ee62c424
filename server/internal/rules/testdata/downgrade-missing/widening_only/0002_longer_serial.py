"""longer serials

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
    try:
        op.alter_column("tokens", "serial", existing_type=sa.String(30), type_=sa.String(80))
    except Exception:
        pass


def downgrade():  # expect[downgrade-missing:info]: help: a column made wider
    pass

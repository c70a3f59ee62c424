"""uses as bigint

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("tokens", "uses", existing_type=sa.Integer, type_=sa.BigInteger, existing_nullable=True)


def downgrade():  # expect[downgrade-missing:info]: help: a column made wider
    pass

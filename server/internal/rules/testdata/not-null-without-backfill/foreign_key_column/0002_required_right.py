"""a pair needs its right

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    # a pair without a right means nothing: giving it one attaches it to an arbitrary row
    op.alter_column("pair", "right_id", existing_type=sa.Integer(), nullable=False)  # expect[not-null-without-backfill:warning]: help: or, if a row whose "right_id" references nothing means nothing (a link row), delete those rows: op.execute("DELETE FROM pair WHERE right_id IS NULL")


def downgrade():
    op.alter_column("pair", "right_id", existing_type=sa.Integer(), nullable=True)

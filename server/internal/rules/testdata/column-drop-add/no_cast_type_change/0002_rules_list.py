"""rules become a list, state a number

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_column("hosts", "rules")  # expect[column-drop-add]: help: cast from integer to jsonb (rules::jsonb fails)
    op.add_column("hosts", sa.Column("rules", postgresql.JSONB(), nullable=True))
    op.drop_column("hosts", "state")  # expect[column-drop-add]: help: cast from hoststate to integer (state::integer fails)
    op.add_column("hosts", sa.Column("state", sa.Integer(), nullable=True))


def downgrade():
    op.drop_column("hosts", "state")  # expect[column-drop-add]: help: cast from integer to hoststate (state::hoststate fails)
    op.add_column("hosts", sa.Column("state", sa.Enum("up", "down", name="hoststate", create_type=False), nullable=True))
    op.drop_column("hosts", "rules")  # expect[column-drop-add]: help: postgresql_using="rules::integer"), which fails on a value that does not convert
    op.add_column("hosts", sa.Column("rules", sa.Integer(), nullable=True))

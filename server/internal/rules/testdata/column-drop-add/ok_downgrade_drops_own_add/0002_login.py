"""a new login column; the downgrade removes it (and adds a column it never had)

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
    op.add_column("members", sa.Column("login_v3", sa.Text(), nullable=True))


def downgrade():
    op.add_column("members", sa.Column("login_v2", sa.Text(), nullable=True))
    op.drop_column("members", "login_v3")

"""the library's users get an email column: the table exists outside the history

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.add_column("lib_users", sa.Column("email", sa.String(200)))


def downgrade():
    op.drop_column("lib_users", "email")

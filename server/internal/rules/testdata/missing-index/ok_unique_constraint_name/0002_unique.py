"""an index name PostgreSQL gives a unique constraint: DROP INDEX fails another way

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("users", sa.Column("login", sa.String(50), nullable=True, unique=True))


def downgrade():
    op.drop_index("users_login_key", table_name="users")
    op.drop_column("users", "login")

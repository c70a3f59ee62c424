"""the downgrade drops the column from another table

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("jobs", sa.Column("last_seen", sa.DateTime(), nullable=True))


def downgrade():
    op.drop_column("users", "last_seen")  # expect[missing-column]: names column "last_seen", which table "users" does not have help: column "last_seen" of relation "users" does not exist

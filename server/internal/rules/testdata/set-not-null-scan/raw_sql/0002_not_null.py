"""NOT NULL in SQL

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("ALTER TABLE users ALTER COLUMN email SET NOT NULL")  # expect[set-not-null-scan]: SET NOT NULL on "email" of existing table "users" scans every row under ACCESS EXCLUSIVE
    op.execute("ALTER TABLE users ADD CONSTRAINT users_name_not_null CHECK (name IS NOT NULL); ALTER TABLE users ALTER COLUMN name SET NOT NULL")
    op.execute("ALTER TABLE users ALTER COLUMN id SET NOT NULL")


def downgrade():
    op.execute("ALTER TABLE users DROP CONSTRAINT users_name_not_null")
    op.execute("ALTER TABLE users ALTER COLUMN name DROP NOT NULL, ALTER COLUMN email DROP NOT NULL")

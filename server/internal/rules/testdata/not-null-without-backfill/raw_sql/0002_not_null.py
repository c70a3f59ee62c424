"""NOT NULL in SQL

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("ALTER TABLE users ALTER COLUMN email SET NOT NULL")  # expect[not-null-without-backfill]: SET NOT NULL on "email" of existing table "users": nothing before it fills the NULL rows help: UPDATE users SET email = <value> WHERE email IS NULL
    op.execute(sa.text("UPDATE users SET name = 'anonymous' WHERE name IS NULL; ALTER TABLE users ALTER COLUMN name SET NOT NULL"))
    op.execute("CREATE TABLE tags (id int, label text); ALTER TABLE tags ALTER COLUMN label SET NOT NULL")


def downgrade():
    op.execute("DROP TABLE tags")
    op.execute("ALTER TABLE users ALTER COLUMN name DROP NOT NULL, ALTER COLUMN email DROP NOT NULL")

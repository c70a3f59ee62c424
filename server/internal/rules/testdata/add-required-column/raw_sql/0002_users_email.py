"""users.email in SQL

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("ALTER TABLE users ADD COLUMN email text NOT NULL")  # expect[add-required-column]: ADD COLUMN "email" ... NOT NULL: no DEFAULT on existing table "users" help: column "email" of relation "users" contains null values
    op.execute("ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free', ADD COLUMN serial_no serial NOT NULL")
    op.execute("TRUNCATE audit; ALTER TABLE audit ADD COLUMN kind text NOT NULL")
    op.execute("CREATE TABLE tags (id int); ALTER TABLE tags ADD COLUMN name text NOT NULL")


def downgrade():
    op.execute("DROP TABLE tags")
    op.execute("ALTER TABLE audit DROP COLUMN kind")
    op.execute("ALTER TABLE users DROP COLUMN serial_no, DROP COLUMN plan, DROP COLUMN email")

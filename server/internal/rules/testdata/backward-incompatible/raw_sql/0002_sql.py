"""renames and drops in SQL

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("ALTER TABLE users RENAME COLUMN name TO full_name")  # expect[backward-incompatible]: RENAME COLUMN renames column "name" of existing table "users" to "full_name" help: column users.name does not exist
    op.execute("ALTER TABLE users DROP COLUMN age")  # expect[backward-incompatible]: DROP COLUMN drops column "age" of existing table "users"
    op.get_bind().execute(sa.text("ALTER TABLE sessions RENAME TO user_sessions"))  # expect[backward-incompatible]: ALTER TABLE ... RENAME TO renames existing table "sessions" to "user_sessions" help: relation "sessions" does not exist
    op.execute("DROP TABLE IF EXISTS logs")  # expect[backward-incompatible]: DROP TABLE drops existing table "logs"
    # new in this revision: nothing running uses them
    op.execute("ALTER TABLE users ADD COLUMN nickname text; ALTER TABLE users RENAME COLUMN nickname TO handle")
    op.execute("CREATE TABLE scratch (id int); ALTER TABLE scratch RENAME TO scratch2; DROP TABLE scratch2")


def downgrade():
    op.execute("CREATE TABLE logs (id serial PRIMARY KEY)")
    op.execute("ALTER TABLE user_sessions RENAME TO sessions")
    op.execute("ALTER TABLE users DROP COLUMN handle, ADD COLUMN age integer")
    op.execute("ALTER TABLE users RENAME COLUMN full_name TO name")

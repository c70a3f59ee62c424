"""columns in SQL

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid()")  # expect[volatile-default]: ADD COLUMN "token" rewrites existing table "users" help: the default gen_random_uuid() of token is volatile
    op.execute("ALTER TABLE audit ADD COLUMN seq bigserial")  # expect[volatile-default]: help: seq is a serial, identity or generated column
    op.execute("ALTER TABLE audit ADD COLUMN created_at timestamptz DEFAULT now(), ADD COLUMN kind text DEFAULT 'x'")
    op.execute("CREATE TABLE tags (id int); ALTER TABLE tags ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY")


def downgrade():
    op.execute("DROP TABLE tags")
    op.execute("ALTER TABLE audit DROP COLUMN kind, DROP COLUMN created_at, DROP COLUMN seq")
    op.execute("ALTER TABLE users DROP COLUMN token")

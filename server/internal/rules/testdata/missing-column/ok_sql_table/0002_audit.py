"""a table the history does not know in full

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("CREATE TABLE audit (id serial PRIMARY KEY, note text)")
    op.drop_column("audit", "extra")
    op.execute("ALTER TABLE jobs ENABLE ROW LEVEL SECURITY")
    op.execute(some_sql())
    op.drop_column("users", "legacy")


def some_sql():
    return "ALTER TABLE users ADD COLUMN legacy text"


def downgrade():
    pass

"""builders, made by SQL the history does not read

Revision ID: 0001
Revises:
"""
from alembic import op

revision = "0001"
down_revision = None

SCHEMA = open(__file__.replace(".py", ".sql")).read()


def upgrade():
    op.execute(SCHEMA)


def downgrade():
    op.execute("DROP TABLE builders")

"""swap a type the history never saw created (made outside the migrations)

Revision ID: 0009
Revises: 0003
"""
from alembic import op

revision = "0009"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE kind RENAME TO kind_old")
    op.execute("CREATE TYPE kind AS ENUM ('a', 'b', 'c')")
    op.execute("DROP TYPE kind_old")


def downgrade():
    op.execute("ALTER TYPE kind RENAME TO kind_new")
    op.execute("CREATE TYPE kind AS ENUM ('a', 'b')")
    op.execute("DROP TYPE kind_new")

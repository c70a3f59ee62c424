"""fewer kinds

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_column("things", "kind")  # expect[column-drop-add]: replaces the column help: op.execute("CREATE TYPE kinds_new AS ENUM ('a', 'b')"), op.execute("ALTER TABLE things ALTER COLUMN kind DROP DEFAULT"), op.execute("ALTER TABLE things ALTER COLUMN kind TYPE kinds_new USING kind::text::kinds_new"), op.execute("DROP TYPE kinds"), op.execute("ALTER TYPE kinds_new RENAME TO kinds"), then set the default again
    op.execute("DROP TYPE kinds")
    kinds = postgresql.ENUM("a", "b", name="kinds")
    kinds.create(op.get_bind())
    op.add_column("things", sa.Column("kind", postgresql.ENUM("a", "b", name="kinds", create_type=False), nullable=True))


def downgrade():
    pass

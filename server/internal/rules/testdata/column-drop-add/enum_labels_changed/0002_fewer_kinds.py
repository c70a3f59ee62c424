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
    op.drop_column("things", "kind")  # expect[column-drop-add]: replaces the column help: ALTER TYPE kinds RENAME TO kinds_old; CREATE TYPE kinds AS ENUM ('a', 'b'); ALTER TABLE things ALTER COLUMN kind DROP DEFAULT; ALTER TABLE things ALTER COLUMN kind TYPE kinds USING kind::text::kinds; DROP TYPE kinds_old; then set the server default of things.kind again
    op.execute("DROP TYPE kinds")
    kinds = postgresql.ENUM("a", "b", name="kinds")
    kinds.create(op.get_bind())
    op.add_column("things", sa.Column("kind", postgresql.ENUM("a", "b", name="kinds", create_type=False), nullable=True))


def downgrade():
    pass

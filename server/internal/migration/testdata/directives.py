"""suppressions

Revision ID: 9a0b1c2d3e4f
Revises: 8f9a0b1c2d3e
"""
# alembic-patterns: ignore-file[enum-not-dropped]
from alembic import op
import sqlalchemy as sa

revision = "9a0b1c2d3e4f"
down_revision = "8f9a0b1c2d3e"

NOTE = "see # alembic-patterns: ignore[not-a-directive] in the docs"


def upgrade():
    # alembic-patterns: ignore[add-column-not-null, missing-server-default]
    op.add_column("users", sa.Column("email", sa.String(255), nullable=False))
    op.drop_column("users", "legacy")  # alembic-patterns: ignore
    op.execute("UPDATE users SET email = '# alembic-patterns: ignore[x]'")


def downgrade():
    op.drop_column("users", "email")  #alembic-patterns:ignore-file

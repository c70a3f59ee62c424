"""create and drop enum types explicitly

Revision ID: 4b5c6d7e8f9a
Revises: 3a4b5c6d7e8f
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "4b5c6d7e8f9a"
down_revision = "3a4b5c6d7e8f"

status_type = postgresql.ENUM("draft", "published", name="status_type")


def upgrade():
    status_type.create(op.get_bind(), checkfirst=True)
    bind = op.get_bind()
    visibility = sa.Enum("public", "private", name="visibility")
    visibility.create(bind)
    postgresql.ENUM("a", "b", name="grade").create(bind, checkfirst=False)
    op.add_column("posts", sa.Column("status", status_type, nullable=True))
    some_table.create(bind)


def downgrade():
    op.drop_column("posts", "status")
    sa.Enum(name="visibility").drop(op.get_bind())
    status_type.drop(op.get_bind(), checkfirst=True)
    postgresql.ENUM(name="grade").drop(op.get_bind(), checkfirst=True)

"""things get a kind

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

kind_type = postgresql.ENUM("a", "b", name="kind_type")


def upgrade():
    op.create_table("things", sa.Column("id", sa.Integer(), primary_key=True))
    # checkfirst defaults to True for postgresql.ENUM: an upgrade after the
    # downgrade skips the type left behind (downgrade-incomplete warns of it)
    kind_type.create(op.get_bind())
    op.add_column("things", sa.Column("kind", postgresql.ENUM(name="kind_type", create_type=False), nullable=True))


def downgrade():
    op.drop_column("things", "kind")
    op.drop_table("things")

"""set prefix (a non-hex id, no Revision ID line)

Revises: ae1027a6acf0
"""
from alembic import op
import sqlalchemy as sa

revision = "0133_set_prefix"
down_revision = "ae1027a6acf0"


def upgrade():
    op.add_column("a", sa.Column("prefix", sa.String(10)))


def downgrade():
    op.drop_column("a", "prefix")

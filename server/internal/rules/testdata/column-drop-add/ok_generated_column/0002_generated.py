"""kind becomes generated from spec; size's expression changes

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.drop_column("widgets", "kind")
    op.add_column("widgets", sa.Column("kind", sa.String(32), sa.Computed("spec ->> 'type'", persisted=True)))
    op.drop_column("widgets", "size")
    op.add_column("widgets", sa.Column("size", sa.Integer(), sa.Computed("(spec ->> 'length')::int", persisted=True)))
    op.drop_column("widgets", "title")
    op.add_column("widgets", sa.Column("title_text", sa.String(100), sa.Computed("spec ->> 'name'", persisted=True)))


def downgrade():
    op.drop_column("widgets", "title_text")
    op.add_column("widgets", sa.Column("title", sa.String(100), nullable=True))
    op.drop_column("widgets", "size")
    op.add_column("widgets", sa.Column("size", sa.Integer(), sa.Computed("(spec ->> 'size')::int", persisted=True)))
    op.drop_column("widgets", "kind")
    op.add_column("widgets", sa.Column("kind", sa.String(32), nullable=True))
    op.execute("UPDATE widgets SET kind = spec ->> 'kind'")

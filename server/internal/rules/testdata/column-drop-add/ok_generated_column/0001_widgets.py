"""widgets

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "widgets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("spec", postgresql.JSONB(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=True),
        sa.Column("title", sa.String(100), nullable=True),
        sa.Column("size", sa.Integer(), sa.Computed("(spec ->> 'size')::int", persisted=True)),
    )


def downgrade():
    op.drop_table("widgets")

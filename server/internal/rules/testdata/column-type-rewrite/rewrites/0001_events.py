"""events

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
        "events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("count", sa.Integer()),
        sa.Column("code", sa.String(100)),
        sa.Column("body", sa.Text()),
        sa.Column("doc", sa.JSON()),
        sa.Column("tags", postgresql.ARRAY(sa.String(20))),
        sa.Column("seen", sa.DateTime()),
        sa.Column("price", sa.Numeric(10, 2)),
        sa.Column("kind", sa.Enum("a", "b", name="kind")),
    )


def downgrade():
    op.drop_table("events")
    op.execute("DROP TYPE kind")

"""sources, keyed by name, with a unique constraint on the key too:
PostgreSQL makes one index for both, and the unique constraint is not made

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "sources",
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("code", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("name", "code", name="pk_sources"),
        sa.UniqueConstraint("name", "code", name="uq_sources_name_code"),
    )


def downgrade():
    op.drop_table("sources")

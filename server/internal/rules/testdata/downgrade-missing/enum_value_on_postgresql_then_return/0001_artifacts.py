"""artifacts of two kinds

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "artifacts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.Enum("LOG", "LOCKFILE", name="artifactkind"), nullable=False),
    )


def downgrade():
    op.drop_table("artifacts")
    sa.Enum(name="artifactkind").drop(op.get_bind(), checkfirst=True)

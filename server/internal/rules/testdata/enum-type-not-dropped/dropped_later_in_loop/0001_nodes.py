"""nodes and their tree type

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


def upgrade():
    op.create_table(
        "nodes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", postgresql.ENUM("tree", "leaf", name="treetype"), nullable=True),
    )


def downgrade():
    op.drop_table("nodes")  # expect[enum-type-not-dropped:warning]: help: Only a database between this revision and 0002 leaves it behind

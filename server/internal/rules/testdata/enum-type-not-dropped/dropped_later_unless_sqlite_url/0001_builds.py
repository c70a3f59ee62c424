"""builds with a status

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "builds",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("status", sa.Enum("queued", "done", name="buildstatus"), nullable=False),
    )


def downgrade():
    op.drop_table("builds")  # expect[enum-type-not-dropped:warning]: help: Only a database between this revision and 0002 leaves it behind

"""things

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
        "things",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.Enum("a", "b", name="kinds"), nullable=True),
    )


def downgrade():
    op.drop_table("things")
    op.execute("DROP TYPE kinds")

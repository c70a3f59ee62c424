"""endpoints

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
        "endpoints",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("qos", sa.Enum("yes", "no", name="yesno"), nullable=True),
        sa.Column("dscp", sa.Integer(), nullable=True),
    )


def downgrade():
    op.drop_table("endpoints")
    sa.Enum(name="yesno").drop(op.get_bind())

"""parent and child

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
    op.create_table("parent", sa.Column("id", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("id", name=op.f("pk_parent")))
    op.create_table(
        "child",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("email", sa.String(200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_child")),
    )


def downgrade():
    op.drop_table("child")
    op.drop_table("parent")

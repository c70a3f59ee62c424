"""kinds and accounts

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
    op.create_table("kind", sa.Column("code", sa.String(10), primary_key=True))
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind_code", sa.String(10), sa.ForeignKey("kind.code"), nullable=False),
        sa.Column("owner", sa.Integer(), nullable=False),
    )
    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("author", sa.Integer(), nullable=False),
    )


def downgrade():
    op.drop_table("note")
    op.drop_table("account")
    op.drop_table("kind")

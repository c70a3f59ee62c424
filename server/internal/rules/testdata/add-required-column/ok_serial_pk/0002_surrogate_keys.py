"""columns that fill themselves

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("legacy_id", sa.BigInteger(), primary_key=True))
    op.add_column("users", sa.Column("seq", sa.Integer(), sa.Identity(always=False), nullable=False))
    op.add_column("users", sa.Column("email_lower", sa.String(200), sa.Computed("lower(email)"), nullable=False))
    op.add_column("users", sa.Column("score", sa.Integer(), nullable=False, server_default="0"))


def downgrade():
    op.drop_column("users", "score")
    op.drop_column("users", "email_lower")
    op.drop_column("users", "seq")
    op.drop_column("users", "legacy_id")

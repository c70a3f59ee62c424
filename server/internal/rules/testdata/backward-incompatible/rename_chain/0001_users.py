"""users

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text()),
        sa.Column("email", sa.Text()),
        sa.Column("age", sa.Integer()),
    )
    op.create_table("sessions", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("logs", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("logs")
    op.drop_table("sessions")
    op.drop_table("users")

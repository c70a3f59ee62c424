"""tables

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
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
    )
    op.create_table("teams", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_index("ix_users_email", "users", ["email"])


def downgrade():
    op.drop_index("ix_users_email", table_name="users")
    op.drop_table("teams")
    op.drop_table("users")


"""projects

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("quota", sa.Integer(), nullable=True),
        sa.Column("levelname", sa.String(50), nullable=True),
    )


def downgrade():
    op.drop_table("projects")
    op.drop_table("users")

"""membership types and permissions

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("membership_types", sa.Column("code", sa.String(15), primary_key=True))
    op.create_table(
        "permissions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("membership_type_code", sa.String(25), nullable=True),
        sa.Column("org_type_code", sa.String(25), nullable=True),
    )


def downgrade():
    op.drop_table("permissions")
    op.drop_table("membership_types")

"""profiles

Revision ID: 3c1e0f9a2b77
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "3c1e0f9a2b77"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "profiles",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("locale", sa.String(10)),
        sa.Column("timezone", sa.String(40)),
    )


def downgrade():
    op.drop_table("profiles")

"""which certificate replaced which

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "replacements",
        sa.Column("certificate_id", sa.Integer(), nullable=False),
        sa.Column("replaced_certificate_id", sa.Integer(), nullable=False),
    )


def downgrade():
    op.drop_table("replacements")

"""files

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "python_file_digest",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sha256", sa.Text()),
        sa.Column("image_sha", sa.Text()),
        sa.Column("request_uuid", sa.Text()),
        sa.Column("name", sa.Text()),
    )


def downgrade():
    op.drop_table("python_file_digest")

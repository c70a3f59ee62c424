"""widths

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column(  # expect[type-change-without-using:info]: help: A column named "sha256" holds a SHA-256 digest, at most 71 characters: no value is longer than 256.
        "python_file_digest", "sha256", existing_type=sa.Text(), type_=sa.String(256)
    )
    op.alter_column(  # expect[type-change-without-using:info]: help: A column named "image_sha" holds a SHA digest, at most 135 characters
        "python_file_digest", "image_sha", existing_type=sa.Text(), type_=sa.String(256)
    )
    op.alter_column(  # expect[type-change-without-using:warning]
        "python_file_digest", "request_uuid", existing_type=sa.Text(), type_=sa.String(36)
    )
    op.alter_column(  # expect[type-change-without-using:warning]
        "python_file_digest", "name", existing_type=sa.Text(), type_=sa.String(256)
    )


def downgrade():
    op.alter_column("python_file_digest", "name", existing_type=sa.String(256), type_=sa.Text())
    op.alter_column("python_file_digest", "request_uuid", existing_type=sa.String(36), type_=sa.Text())
    op.alter_column("python_file_digest", "image_sha", existing_type=sa.String(256), type_=sa.Text())
    op.alter_column("python_file_digest", "sha256", existing_type=sa.String(256), type_=sa.Text())

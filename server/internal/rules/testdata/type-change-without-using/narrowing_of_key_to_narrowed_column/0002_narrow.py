"""keys narrowed, then the columns that reference them

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("keys", "k", existing_type=sa.Text(), type_=sa.String(length=64))  # expect[type-change-without-using:warning]: narrows column "k"
    op.alter_column("links", "key_ref", existing_type=sa.Text(), type_=sa.String(length=64))
    op.alter_column("links", "other_ref", existing_type=sa.Text(), type_=sa.String(length=32))  # expect[type-change-without-using:warning]: narrows column "other_ref"


def downgrade():
    op.alter_column("links", "other_ref", existing_type=sa.String(length=32), type_=sa.Text())
    op.alter_column("links", "key_ref", existing_type=sa.String(length=64), type_=sa.Text())
    op.alter_column("keys", "k", existing_type=sa.String(length=64), type_=sa.Text())

"""names become text

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("admin", "name", existing_type=sa.String(64), type_=sa.Text())
    op.alter_column("role", "name", existing_type=sa.String(64), type_=sa.Text())
    op.alter_column("audit", "name", existing_type=sa.String(64), type_=sa.Text())


def downgrade():
    op.alter_column(  # expect[type-change-without-using:info]: help: From the heads, the downgrade of 0003 leaves "admin" empty
        "admin", "name", existing_type=sa.Text(), type_=sa.String(64)
    )
    op.alter_column(  # expect[type-change-without-using:warning]
        "role", "name", existing_type=sa.Text(), type_=sa.String(64)
    )
    op.alter_column(  # expect[type-change-without-using:warning]
        "audit", "name", existing_type=sa.Text(), type_=sa.String(64)
    )

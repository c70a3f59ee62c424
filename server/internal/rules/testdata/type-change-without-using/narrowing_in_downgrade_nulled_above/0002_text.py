"""text everywhere

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("stores", "email_host", existing_type=sa.String(1000), type_=sa.Text())
    op.alter_column("stores", "email_user", existing_type=sa.String(1000), type_=sa.Text())
    op.alter_column("stores", "email_port", existing_type=sa.String(10), type_=sa.Text())
    op.alter_column("stores", "email_name", existing_type=sa.String(100), type_=sa.Text())
    op.alter_column("stores", "email_sender", existing_type=sa.String(100), type_=sa.Text())


def downgrade():
    op.alter_column(  # expect[type-change-without-using:info]: help: From the heads, the downgrade of 0003 adds "email_host" back to "stores" before this line runs, NULL in every row
        "stores", "email_host", existing_type=sa.Text(), type_=sa.String(1000)
    )
    op.alter_column(  # expect[type-change-without-using:warning]
        "stores", "email_user", existing_type=sa.Text(), type_=sa.String(1000)
    )
    op.alter_column(  # expect[type-change-without-using:warning]
        "stores", "email_port", existing_type=sa.Text(), type_=sa.String(10)
    )
    op.alter_column(  # expect[type-change-without-using:warning]
        "stores", "email_name", existing_type=sa.Text(), type_=sa.String(100)
    )
    op.alter_column(  # expect[type-change-without-using:warning]
        "stores", "email_sender", existing_type=sa.Text(), type_=sa.String(100)
    )

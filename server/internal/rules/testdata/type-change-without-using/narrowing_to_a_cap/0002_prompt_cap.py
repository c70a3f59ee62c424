"""a cap on prompts far above any real one; the downgrade's 8000 is a real narrowing

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column(  # expect[type-change-without-using:info]: help: a cap no ordinary value reaches
        "prompts", "system_prompt", existing_type=sa.Text(), type_=sa.String(length=5000000)
    )


def downgrade():
    op.alter_column(  # expect[type-change-without-using:warning]: help: longer than 8000 characters
        "prompts", "system_prompt", existing_type=sa.String(length=5000000), type_=sa.String(length=8000)
    )

"""longer registry names (the table is made by create_all, outside the history)

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.alter_column("registries", "name", existing_type=sa.String(length=50), type_=sa.String(length=255))


def downgrade():
    op.alter_column(  # expect[type-change-without-using:warning]: alter_column narrows column "name" from varchar(255) to varchar(50)
        "registries", "name", existing_type=sa.String(), type_=sa.String(length=50)
    )

"""names get a length; the notes table, made empty below, does too

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("organisation_types", "name", existing_type=sa.String(), type_=sa.String(255))  # expect[type-change-without-using:info]: narrows column "name" help: Revision 0001, just below, created "organisation_types" and filled it: a longer value is there only if the application wrote one since.
    op.alter_column("notes", "body", existing_type=sa.String(), type_=sa.String(255))  # expect[type-change-without-using:warning]: narrows column "body" help: PostgreSQL fails with: value too long


def downgrade():
    op.alter_column("notes", "body", existing_type=sa.String(255), type_=sa.String())
    op.alter_column("organisation_types", "name", existing_type=sa.String(255), type_=sa.String())

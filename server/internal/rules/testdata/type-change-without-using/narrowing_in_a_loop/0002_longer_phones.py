"""longer phone numbers

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    for table in ("people", "staff"):
        op.alter_column(table, "phone", existing_type=sa.String(16), type_=sa.String(32))


def downgrade():
    for table in ("people", "staff"):
        op.alter_column(table, "phone", existing_type=sa.String(32), type_=sa.String(16))  # expect[type-change-without-using:warning]: narrows column "phone" from varchar(32) to varchar(16) in table "people"  # expect[type-change-without-using:warning]: in table "staff"

"""permissions point at their membership type: every code fits in 15 characters

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_foreign_key(
        "permissions_membership_type_code_fkey", "permissions", "membership_types", ["membership_type_code"], ["code"]
    )
    op.create_foreign_key("permissions_org_type_code_fkey", "permissions", "membership_types", ["org_type_code"], ["code"])
    op.alter_column("permissions", "membership_type_code", existing_type=sa.String(25), type_=sa.String(15))
    op.alter_column(  # expect[type-change-without-using:warning]: narrows column "org_type_code" from varchar(25) to varchar(10)
        "permissions", "org_type_code", existing_type=sa.String(25), type_=sa.String(10)
    )


def downgrade():
    op.alter_column("permissions", "org_type_code", existing_type=sa.String(10), type_=sa.String(25))
    op.alter_column("permissions", "membership_type_code", existing_type=sa.String(15), type_=sa.String(25))
    op.drop_constraint("permissions_org_type_code_fkey", "permissions", type_="foreignkey")
    op.drop_constraint("permissions_membership_type_code_fkey", "permissions", type_="foreignkey")

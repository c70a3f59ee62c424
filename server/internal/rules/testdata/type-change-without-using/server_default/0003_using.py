"""types changed with USING on columns with a server default

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.alter_column("items", "u1", type_=sa.Integer(), postgresql_using="u1::integer", server_default="2")  # expect[type-change-without-using:error]: alter_column in table "items" fails: default for column "u1" cannot be cast automatically to type integer help: has no automatic conversion from varchar(10) to integer, and fails with: default for column "u1" cannot be cast automatically to type integer. Drop the default first with op.alter_column("items", "u1", server_default=None)
    op.alter_column("items", "u2", server_default=None)
    op.alter_column("items", "u2", type_=sa.Integer(), postgresql_using="u2::integer")
    op.alter_column("items", "u3", type_=sa.Integer(), postgresql_using="u3::integer")
    op.alter_column("items", "u4", type_=sa.Integer(), postgresql_using="u4::integer")
    op.alter_column("items", "u5", type_=sa.Text(), postgresql_using="upper(u5)")
    op.alter_column("items", "u8", type_=sa.Integer(), postgresql_using="length(u8)")
    op.alter_column("items", "u9", type_=sa.Integer(), postgresql_using="u9::integer")
    op.alter_column("items", "u10", type_=sa.Integer(), postgresql_using="u10::integer")  # expect[type-change-without-using:error]: default for column "u10" c
    op.execute("ALTER TABLE items ALTER COLUMN u6 TYPE integer USING u6::integer")  # expect[type-change-without-using:error]: ALTER TABLE "items" fails: default for column "u6" cannot be cast automatically to type integer help: Add ALTER COLUMN u6 DROP DEFAULT to the statement
    op.execute("ALTER TABLE items ALTER COLUMN u7 TYPE integer USING u7::integer, ALTER COLUMN u7 DROP DEFAULT")


def downgrade():
    op.alter_column("items", "u1", type_=sa.String(length=10), postgresql_using="u1::text")

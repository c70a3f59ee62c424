"""types changed on columns with a server default

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("items", "rank", existing_type=sa.String(length=10), type_=sa.Integer())  # expect[type-change-without-using]: help: The column's server default ("1") does not convert either, whatever the USING: PostgreSQL fails with: default for column "rank" cannot be cast automatically to type integer. Drop it first with op.alter_column("items", "rank", server_default=None)
    op.alter_column("items", "kind", server_default=None)
    op.alter_column("items", "kind", existing_type=sa.String(length=10), type_=sa.Integer())  # expect[type-change-without-using]: help: once every existing value converts. (upgrade() stops earlier on every database, at line 15 (type-change-without-using): this line is not reached before that is fixed.)$
    op.alter_column("items", "size", existing_type=sa.String(length=10), type_=sa.Integer())  # expect[type-change-without-using]: help: once every existing value converts. (upgrade() stops earlier on every database, at line 15 (type-change-without-using): this line is not reached before that is fixed.)$
    op.alter_column("orders", "total", existing_type=sa.String(length=10), type_=sa.Integer(), existing_server_default="0")  # expect[type-change-without-using]: help: server default ("0") does not convert either
    op.alter_column("orders", "ref", existing_type=sa.String(length=36), type_=postgresql.UUID(), existing_server_default=sa.text("gen_random_uuid()"))  # expect[type-change-without-using]: help: once every existing value converts. (upgrade() stops earlier on every database, at line 15 (type-change-without-using): this line is not reached before that is fixed.)$
    op.execute("ALTER TABLE items ALTER COLUMN age TYPE integer")  # expect[type-change-without-using]: help: The column's server default ('0') does not convert either, whatever the USING: PostgreSQL fails with: default for column "age" cannot be cast automatically to type integer. Drop it first with ALTER COLUMN age DROP DEFAULT
    op.execute("ALTER TABLE items ALTER COLUMN weight DROP DEFAULT, ALTER COLUMN weight TYPE integer")  # expect[type-change-without-using]: help: once every existing value converts. (upgrade() stops earlier on every database, at line 15 (type-change-without-using): this line is not reached before that is fixed.)$
    op.alter_column("items", "code", existing_type=sa.String(length=10), type_=sa.Text())
    op.alter_column("items", "u9", existing_type=sa.Integer(), type_=sa.String(length=10))


def downgrade():
    pass

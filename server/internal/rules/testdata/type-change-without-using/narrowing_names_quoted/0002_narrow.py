"""narrowings whose check query quotes the names PostgreSQL would not read bare

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'


def upgrade():
    op.alter_column('user', 'avatar', existing_type=sa.UnicodeText(), type_=sa.String(length=250))  # expect[type-change-without-using:warning]: help: SELECT count(*) FROM "user" WHERE length(avatar) > 250
    op.alter_column('PackageListing', 'Name', existing_type=sa.String(length=255), type_=sa.String(length=32))  # expect[type-change-without-using:warning]: help: SELECT count(*) FROM "PackageListing" WHERE length("Name") > 32


def downgrade():
    pass

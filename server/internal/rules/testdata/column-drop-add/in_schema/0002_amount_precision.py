"""amounts in cents: the call the help gives names the schema, as the search path may not

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
SCHEMA = "billing"


def upgrade():
    op.drop_column("fees", "amount", schema=SCHEMA)  # expect[column-drop-add]: help: Change it in place instead: op.alter_column("fees", "amount", type_=sa.Numeric(15, 2), schema=SCHEMA), which fails
    op.add_column("fees", sa.Column("amount", sa.Numeric(15, 2)), schema=SCHEMA)


def downgrade():
    op.alter_column("fees", "amount", type_=sa.Numeric(), schema=SCHEMA)

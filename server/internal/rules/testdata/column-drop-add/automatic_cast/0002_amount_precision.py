"""amounts in cents

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    # numeric converts to numeric(15, 2) by itself: no USING to write
    op.drop_column("fees", "amount")  # expect[column-drop-add]: help: Change it in place instead: op.alter_column("fees", "amount", type_=sa.Numeric(15, 2)), which fails on a value the new type cannot hold
    op.add_column("fees", sa.Column("amount", sa.Numeric(15, 2)))


def downgrade():
    op.alter_column("fees", "amount", type_=sa.Numeric())

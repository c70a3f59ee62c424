"""links get an id

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    # autoincrement=True is ignored outside a primary key: this is a plain integer NOT NULL
    op.add_column("links", sa.Column("id", sa.Integer(), autoincrement=True, nullable=False))  # expect[add-required-column]: help: make it an identity column: sa.Column("id", sa.Integer(), sa.Identity(), nullable=False)


def downgrade():
    op.drop_column("links", "id")

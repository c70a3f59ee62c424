"""widgets lose their surrogate key; the downgrade adds it back as the primary key

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"


def upgrade():
    op.drop_column("widgets", "id")


def downgrade():
    op.add_column("widgets", sa.Column("id", sa.Integer(), nullable=False))  # expect[add-required-column]: help: "id" is the primary key by the end of downgrade(): no constant can fill it. To number the existing rows, make it an identity column: sa.Column("id", sa.Integer(), sa.Identity(), nullable=False)
    op.create_primary_key("widgets_pkey", "widgets", ["id"])

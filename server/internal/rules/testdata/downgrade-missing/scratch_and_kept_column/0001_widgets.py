"""widgets

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("widgets", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("owner_id", sa.Integer()),
                    sa.Column("slug", sa.String(40)))


def downgrade():
    op.drop_table("widgets")

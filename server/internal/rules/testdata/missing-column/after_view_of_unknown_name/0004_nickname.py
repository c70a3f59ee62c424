"""members.nickname: the views changed no table, so the schema is still known

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"


def upgrade():
    op.add_column("members", sa.Column("nickname", sa.String(40), nullable=True))


def downgrade():
    op.drop_column("teams", "nickname")  # expect[missing-column]: "nickname"

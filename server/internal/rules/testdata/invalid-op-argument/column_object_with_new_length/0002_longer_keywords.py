"""longer keywords, written as autogenerate never would

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("packages", sa.Column("keywords", sa.String(length=512), nullable=True))  # expect[invalid-op-argument]: given a Column object help: op.alter_column("packages", "keywords", type_=sa.String(length=512), nullable=True)$


def downgrade():
    op.alter_column("packages", sa.Column("keywords", sa.String(length=256), nullable=True))  # expect[invalid-op-argument]: given a Column object help: op.alter_column("packages", "keywords", type_=sa.String(length=256), nullable=True)$

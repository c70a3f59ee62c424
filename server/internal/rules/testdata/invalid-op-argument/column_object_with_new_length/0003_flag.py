"""a flag, added and then required, through Column objects

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.add_column("packages", sa.Column("flagged", sa.Boolean(), nullable=True))
    op.alter_column("packages", sa.Column("flagged", sa.Boolean(), nullable=False))  # expect[invalid-op-argument]: given a Column object help: op.alter_column("packages", "flagged", existing_type=sa.Boolean(), nullable=False)$


def downgrade():
    op.alter_column("packages", sa.Column("flagged", sa.Boolean(), nullable=True))  # expect[invalid-op-argument]: given a Column object help: op.alter_column("packages", "flagged", existing_type=sa.Boolean(), nullable=True)$
    op.drop_column("packages", "flagged")

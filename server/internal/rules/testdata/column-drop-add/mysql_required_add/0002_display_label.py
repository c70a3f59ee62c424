"""label renamed as drop + add of a NOT NULL column: MySQL fills the rows with ''

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("accounts", sa.Column("display_label", sa.String(length=80), nullable=False))
    op.drop_column("accounts", "label")  # expect[column-drop-add]: looks like a rename help: starts with the type's implicit default (0, '') on every row, without any error


def downgrade():
    op.add_column("accounts", sa.Column("label", sa.String(length=80), nullable=False))
    op.drop_column("accounts", "display_label")  # expect[column-drop-add]: looks like a rename help: starts with the type's implicit default (0, '') on every row, without any error

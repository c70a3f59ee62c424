"""a required column whose name needs quoting in SQL

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("UpdatedFields", sa.Text(), nullable=False))  # expect[add-required-column]: help: op.execute('UPDATE users SET "UpdatedFields" = <value>')


def downgrade():
    op.drop_column("users", "UpdatedFields")

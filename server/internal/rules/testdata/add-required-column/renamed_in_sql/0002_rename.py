"""users renamed in SQL, then a required column

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute('ALTER TABLE users RENAME TO "Accounts"')
    op.add_column("Accounts", sa.Column("email", sa.Text(), nullable=False))  # expect[add-required-column:warning]: add_column("Accounts", "email"): NOT NULL and no server_default on existing table help: column "email" of relation "Accounts" contains null values


def downgrade():
    op.drop_column("Accounts", "email")
    op.execute('ALTER TABLE "Accounts" RENAME TO users')

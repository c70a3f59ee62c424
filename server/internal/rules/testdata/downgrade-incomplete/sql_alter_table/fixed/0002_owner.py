"""account owner, in SQL

Revision ID: 2d3e4f5a6b7c
Revises: 1c2d3e4f5a6b
"""
from alembic import op

revision = "2d3e4f5a6b7c"
down_revision = "1c2d3e4f5a6b"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE accounts ADD COLUMN owner_id integer")  # expect[downgrade-incomplete]: column "owner_id" is added to "accounts"
    op.execute("ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email)")  # expect[downgrade-incomplete]: help: relation "accounts_email_key" already exists
    op.execute("ALTER TABLE owners RENAME TO holders")  # expect[downgrade-incomplete]: table "owners" is renamed to "holders"


def downgrade():
    # the old pieces counted any ALTER TABLE here as reverting everything on the table
    op.execute("ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL")
    op.rename_table("holders", "owners")
    op.drop_constraint("accounts_email_key", "accounts", type_="unique")
    op.drop_column("accounts", "owner_id")

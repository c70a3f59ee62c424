"""account owner, in SQL, reverted in SQL

Revision ID: 4f5a6b7c8d9e
Revises: 3e4f5a6b7c8d
"""
from alembic import op

revision = "4f5a6b7c8d9e"
down_revision = "3e4f5a6b7c8d"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE accounts ADD COLUMN owner_id integer")
    op.execute("ALTER TABLE accounts ADD CONSTRAINT accounts_owner_fkey FOREIGN KEY (owner_id) REFERENCES owners (id)")
    op.execute("ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email)")
    op.execute("CREATE INDEX ix_accounts_lower_email ON accounts (lower(email))")
    op.execute("ALTER TABLE owners RENAME TO holders")


def downgrade():
    op.execute("ALTER TABLE holders RENAME TO owners")
    # renaming the constraint away frees its name for the next upgrade
    op.execute("ALTER TABLE accounts RENAME CONSTRAINT accounts_email_key TO accounts_email_key_old")
    # the foreign key goes with its column; the index with the column its expression reads
    op.execute("ALTER TABLE accounts DROP COLUMN owner_id, DROP COLUMN email")

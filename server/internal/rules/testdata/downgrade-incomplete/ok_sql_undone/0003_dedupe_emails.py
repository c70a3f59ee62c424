"""one account per e-mail, the survivor found through a column for intermediate values

Revision ID: 0003
Revises: 4f5a6b7c8d9e
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "4f5a6b7c8d9e"


def upgrade():
    op.add_column("accounts", sa.Column("email_key", sa.Text(), nullable=True))
    op.execute("""
        UPDATE accounts SET email_key = lower(email);
        ALTER TABLE accounts ADD survivor_id INTEGER;
        UPDATE accounts a SET survivor_id = m.min_id
        FROM (SELECT email_key, MIN(id) AS min_id FROM accounts GROUP BY email_key) m WHERE m.email_key = a.email_key;
        DELETE FROM accounts WHERE id != survivor_id;
        ALTER TABLE accounts DROP COLUMN survivor_id;
    """)


def downgrade():
    op.drop_column("accounts", "email_key")

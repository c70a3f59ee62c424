"""every log has a user: the logs older than 0002, three revisions below, are NULL

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"


def upgrade():
    op.alter_column("email_log", "user_id", existing_type=sa.Integer(), nullable=False)  # expect[not-null-without-backfill:warning]: revision 0002 added it empty, and nothing fills it help: Revision 0002 added the column without a value, so every row older than that is NULL, and on a table with such rows the upgrade fails with: column "user_id" of relation "email_log" contains null values. Fill them first: op.execute("UPDATE email_log SET user_id = <value> WHERE user_id IS NULL"), or, if the rows older than revision 0002 mean nothing without "user_id", delete them (every row older than 0002): op.execute("DELETE FROM email_log WHERE user_id IS NULL")$


def downgrade():
    op.alter_column("email_log", "user_id", existing_type=sa.Integer(), nullable=True)

"""every log has a user: the older logs are NULL, and deleting them would empty the log

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.alter_column("email_log", "user_id", existing_type=sa.Integer(), nullable=False)  # expect[not-null-without-backfill:warning]: revision 0002 added it empty, and nothing fills it help: Revision 0002 added the column (line 14 of 0002_log_user.py) without a value, so every row older than that is NULL, and on a table with such rows the upgrade fails with: column "user_id" of relation "email_log" contains null values. Fill them first: op.execute("UPDATE email_log SET user_id = <value> WHERE user_id IS NULL")$


def downgrade():
    op.alter_column("email_log", "user_id", existing_type=sa.Integer(), nullable=True)

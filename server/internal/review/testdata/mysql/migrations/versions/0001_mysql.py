"""a MySQL revision

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        mysql_engine="InnoDB",
    )
    op.create_index("ix_accounts_id", "accounts", ["id"])


def downgrade():
    op.drop_index("ix_accounts_id", table_name="accounts")
    op.drop_table("accounts")

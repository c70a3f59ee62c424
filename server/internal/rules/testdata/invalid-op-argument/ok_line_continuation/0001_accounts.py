"""accounts, with calls continued by backslashes

Revision ID: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("accounts", \
        sa.Column("id", sa.Integer(), primary_key=True), \
        sa.Column("name", sa.String(50), nullable=True))
    op.add_column("accounts", \
        sa.Column("email", sa.String(200), nullable=True))
    op.create_index("ix_accounts_email", "accounts", [ \
        "email"], unique=False)


def downgrade():
    op.drop_index("ix_accounts_email", table_name="accounts")
    op.drop_table("accounts")

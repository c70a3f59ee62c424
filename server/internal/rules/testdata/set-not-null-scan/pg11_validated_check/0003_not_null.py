"""validate the check, then users.email not null

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null")
    op.alter_column("users", "email", existing_type=sa.VARCHAR(length=200), nullable=False)  # expect[set-not-null-scan]: help: PostgreSQL 11 always scans
    op.drop_constraint("users_email_not_null", "users", type_="check")


def downgrade():
    op.execute("ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID")
    op.alter_column("users", "email", existing_type=sa.VARCHAR(length=200), nullable=True)

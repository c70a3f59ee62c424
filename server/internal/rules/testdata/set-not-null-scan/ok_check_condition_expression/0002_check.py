"""check users.email with a SQLAlchemy expression

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint("users_email_not_null", "users", sa.column("email").is_not(None), postgresql_not_valid=True)


def downgrade():
    op.drop_constraint("users_email_not_null", "users", type_="check")

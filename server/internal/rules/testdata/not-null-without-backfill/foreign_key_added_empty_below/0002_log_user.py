"""the email log names its user

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("email_log", sa.Column("user_id", sa.Integer(), nullable=True))
    op.create_foreign_key("email_log_user_id_fkey", "email_log", "users", ["user_id"], ["id"])


def downgrade():
    op.drop_constraint("email_log_user_id_fkey", "email_log", type_="foreignkey")
    op.drop_column("email_log", "user_id")

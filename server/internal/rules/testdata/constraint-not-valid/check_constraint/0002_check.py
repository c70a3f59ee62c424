"""age must be positive

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint("ck_users_age_positive", "users", "age >= 0")  # expect[constraint-not-valid]: help: holding ACCESS EXCLUSIVE


def downgrade():
    op.drop_constraint("ck_users_age_positive", "users", type_="check")

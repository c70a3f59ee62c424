"""post rules

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint("valid_title", "posts", "title <> ''")
    op.create_check_constraint("positive_views", "posts", "views >= 0")  # expect[downgrade-incomplete]: constraint "ck_posts_positive_views" is created by upgrade() but downgrade() never drops it


def downgrade():
    op.drop_constraint("ck_posts_valid_title", "posts", type_="check")  # expect[downgrade-incomplete]: turns into "ck_posts_ck_posts_valid_title" help: converts the name written again

"""Rename posts to articles.

Revision ID: 0030_rename_posts_to_articles
Revises: a0b1c2d3e4f6
Create Date: 2024-06-10 10:20:15.660392
"""
from alembic import op

revision = "0030_rename_posts_to_articles"
down_revision = "a0b1c2d3e4f6"
branch_labels = None
depends_on = None


def upgrade():
    op.rename_table("posts", "articles")


def downgrade():
    op.rename_table("articles", "posts")

"""Articles get a required, unique slug.

Revision ID: 0035_article_slug
Revises: d3e4f5a6b7c9
Create Date: 2024-08-19 16:48:03.502771
"""
from alembic import op
import sqlalchemy as sa

revision = "0035_article_slug"
down_revision = "d3e4f5a6b7c9"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("articles", sa.Column("slug", sa.String(length=220), nullable=True))
    bind = op.get_bind()
    bind.execute(
        sa.text("UPDATE articles SET slug = 'article-' || id WHERE slug IS NULL")
    )
    op.alter_column(
        "articles", "slug", existing_type=sa.String(length=220), nullable=False
    )
    op.create_index(op.f("ix_articles_slug"), "articles", ["slug"], unique=True)


def downgrade():
    op.drop_index(op.f("ix_articles_slug"), table_name="articles")
    op.drop_column("articles", "slug")

"""post rules, named by the naming convention

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
    op.create_check_constraint("positive_views", "posts", "views >= 0")
    op.create_check_constraint(op.f("ck_posts_short_slug"), "posts", "length(slug) < 100")
    op.create_foreign_key(None, "posts", "users", ["author_id"], ["id"])
    op.create_unique_constraint(None, "posts", ["slug"])
    op.create_index(None, "posts", ["views"])


def downgrade():
    op.drop_index("ix_posts_views")
    op.drop_constraint("uq_posts_slug", "posts", type_="unique")
    op.drop_constraint("fk_posts_author_id_users", "posts", type_="foreignkey")
    op.drop_constraint(op.f("ck_posts_short_slug"), "posts", type_="check")
    op.drop_constraint("positive_views", "posts", type_="check")
    op.drop_constraint("ck_posts_valid_title", "posts")

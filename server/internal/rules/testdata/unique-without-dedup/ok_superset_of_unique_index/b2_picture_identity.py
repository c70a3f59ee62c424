"""pictures are unique by title, arch and tag

Revision ID: b2
Revises: a1
"""
from alembic import op
import sqlalchemy as sa

revision = "b2"
down_revision = "a1"


def upgrade():
    # rows equal on these three are equal on (title, arch), unique since a1
    op.create_unique_constraint("uq_pictures_title_arch_tag", "pictures", ["title", "arch", "tag"])


def downgrade():
    op.drop_constraint("uq_pictures_title_arch_tag", "pictures", type_="unique")

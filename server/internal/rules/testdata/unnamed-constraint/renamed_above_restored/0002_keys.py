"""a key, unnamed

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_foreign_key(None, "tags", "users", ["user_id"], ["id"])  # expect[unnamed-constraint:info]


def downgrade():
    op.drop_constraint(None, "tags", type_="foreignkey")  # expect[unnamed-constraint:error]: help: so PostgreSQL named it "tags_user_id_fkey": drop it by that name. A MetaData

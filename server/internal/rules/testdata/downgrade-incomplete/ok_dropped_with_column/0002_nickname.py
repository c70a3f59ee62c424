"""nickname; its check and expression index go with the column

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

AT = "@"


def upgrade():
    op.add_column("users", sa.Column("nickname", sa.String(40), nullable=True))
    op.create_check_constraint("nickname_not_empty", "users", "nickname <> ''")
    op.create_check_constraint("nickname_not_name", "users", sa.column("nickname") != sa.column("name"))
    op.create_index("ix_users_nickname_lower", "users", [sa.text("lower(nickname)")], postgresql_using="gin")
    op.create_index("ix_users_name_nickname", "users", ["name", "nickname"])
    op.create_check_constraint("email_has_at", "users", f"email LIKE '%{AT}%'")
    op.execute("CREATE INDEX ix_users_nickname_fts ON users USING gin (to_tsvector('simple', coalesce(nickname, '')))")
    op.execute("CREATE INDEX ix_users_named ON users (name) WHERE nickname IS NOT NULL")
    op.drop_column("users", "email")


def downgrade():
    op.add_column("users", sa.Column("email", sa.String(200), nullable=True))
    op.drop_column("users", "nickname")

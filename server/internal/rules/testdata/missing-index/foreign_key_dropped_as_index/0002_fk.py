"""a foreign key dropped with drop_index

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_foreign_key("fk_users_teams", "users", "teams", ["team_id"], ["id"])


def downgrade():
    op.drop_index("fk_users_teams", table_name="users")  # expect[missing-index]: drop_index names "fk_users_teams", a foreign key of "users", not an index
    op.drop_index(op.f("fk_users_teams"), table_name="teams")  # expect[missing-index]: drop_index names "fk_users_teams", a foreign key of "users", not an index help: op.drop_constraint("fk_users_teams", "users", type_="foreignkey")

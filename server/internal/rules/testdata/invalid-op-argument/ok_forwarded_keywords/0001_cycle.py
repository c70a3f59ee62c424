"""two tables that point at each other

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("teams", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("owner_id", sa.Integer()))
    op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("team_id", sa.Integer()))
    # Alembic forwards these to sa.ForeignKeyConstraint / sa.Index / sa.UniqueConstraint
    op.create_foreign_key("fk_users_team", "users", "teams", ["team_id"], ["id"], use_alter=True)
    op.create_foreign_key("fk_teams_owner", "teams", "users", ["owner_id"], ["id"], use_alter=True, link_to_name=True)
    op.create_index("ix_users_team", "users", ["team_id"], comment="lookups by team")
    op.create_unique_constraint("uq_teams_owner", "teams", ["owner_id"], info={"why": "one team per owner"})
    op.create_check_constraint("ck_users_id", "users", "id > 0", comment="ids are positive")


def downgrade():
    op.drop_constraint("ck_users_id", "users", type_="check")
    op.drop_constraint("uq_teams_owner", "teams", type_="unique")
    op.drop_index("ix_users_team", table_name="users")
    op.drop_constraint("fk_teams_owner", "teams", type_="foreignkey")
    op.drop_constraint("fk_users_team", "users", type_="foreignkey")
    op.drop_table("users")
    op.drop_table("teams")

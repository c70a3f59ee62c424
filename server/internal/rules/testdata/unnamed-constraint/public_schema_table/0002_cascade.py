"""the key again with ON DELETE CASCADE: public is where unqualified names go, so PostgreSQL's name for it is known

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.drop_constraint("member_club_id_fkey", "member", type_="foreignkey")
    op.create_foreign_key(None, "member", "club", ["club_id"], ["id"], source_schema="public", referent_schema="public", ondelete="CASCADE")  # expect[unnamed-constraint:info]: "member_club_id_fkey"


def downgrade():
    op.drop_constraint("member_club_id_fkey", "member", type_="foreignkey")
    op.create_foreign_key("member_club_id_fkey", "member", "club", ["club_id"], ["id"])

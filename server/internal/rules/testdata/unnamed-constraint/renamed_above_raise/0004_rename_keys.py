"""the key gets a name of its own, which the downgrade keeps

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade():
    op.drop_constraint("eventsusers_user_id_fkey", "eventsusers", type_="foreignkey")
    op.create_foreign_key("eventsusers_user_fk", "eventsusers", "users", ["user_id"], ["id"], ondelete="CASCADE")


def downgrade():
    op.drop_constraint("eventsusers_user_fk", "eventsusers", type_="foreignkey")
    op.create_foreign_key("eventsusers_user_fk", "eventsusers", "users", ["user_id"], ["id"])

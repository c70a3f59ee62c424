"""a key, which the downgrade drops unnamed

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_foreign_key("eventsusers_user_id_fkey", "eventsusers", "users", ["user_id"], ["id"])


def downgrade():
    op.drop_constraint(None, "eventsusers", type_="foreignkey")  # expect[unnamed-constraint:error]: help: upgrade() creates it as "eventsusers_user_id_fkey": drop it by that name. Coming down from the heads it is no longer "eventsusers_user_id_fkey": the upgrade of 0003, above, drops that name and its downgrade does not make it again

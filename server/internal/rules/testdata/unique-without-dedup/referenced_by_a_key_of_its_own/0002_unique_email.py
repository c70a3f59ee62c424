"""one user per email; merging duplicate users repoints memberships, which
collide where both duplicates are in one grouping

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_unique_constraint("uq_users_email", "users", ["email"])  # expect[unique-without-dedup]: help: "grouping_membership", "logins", "profiles" have foreign keys to this table, so point their rows at the row you keep, then delete the others (a DELETE alone deletes their rows too under ON DELETE CASCADE, or fails on them). The unique key of "grouping_membership", "profiles" includes that reference: their rows that would then be the same fail the update, so delete those first.$


def downgrade():
    op.drop_constraint("uq_users_email", "users", type_="unique")

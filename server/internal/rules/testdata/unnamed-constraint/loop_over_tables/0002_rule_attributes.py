"""rules reference their attributes

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    for table in ["group_rules", "policy_rules"]:
        # one call for both tables: a name written here would be one table's for both
        op.create_foreign_key(None, table, "attributes", ["attribute_id"], ["id"])  # expect[unnamed-constraint:info]: create_foreign_key(None, "group_rules", ...) leaves the name to PostgreSQL  # expect[unnamed-constraint:info]: create_foreign_key(None, "policy_rules", ...) leaves the name to PostgreSQL


def downgrade():
    pass

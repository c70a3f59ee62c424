"""owners of rules; each rule table gets its owner, through a list the module computes

Revision ID: 0001
Revises:
"""
from alembic import op

revision = "0001"
down_revision = None

TABLES = ["group_rules", "policy_rules"]
OWNED = [(table, table.upper()) for table in TABLES]


def upgrade():
    for table, _label in OWNED:
        op.create_foreign_key(None, table, "owners", ["owner_id"], ["id"])  # expect[unnamed-constraint:warning]: create_foreign_key(None, table, ...) leaves the constraint unnamed


def downgrade():
    for table, _label in OWNED:
        op.drop_constraint(None, table, type_="foreignkey")  # expect[unnamed-constraint]: drop_constraint(None, table, type_="foreignkey")

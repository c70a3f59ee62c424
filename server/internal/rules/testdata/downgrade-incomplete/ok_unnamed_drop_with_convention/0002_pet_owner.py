"""the downgrade drops the key without a name: the convention turns None into
"pet__fkey", which unnamed-constraint reports and names; the drop is meant for
the key the upgrade creates, so no second drop of it is missing

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_foreign_key(None, "pet", "owner", ["owner_id"], ["id"])


def downgrade():
    op.drop_constraint(None, "pet", type_="foreignkey")

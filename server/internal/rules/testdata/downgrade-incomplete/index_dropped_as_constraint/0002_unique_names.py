"""action names are unique per resource, by a unique index

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_index(op.f("actions_resource_id_name_key"), "actions", ["resource_id", "name"], unique=True)  # expect[downgrade-incomplete:error]: index "actions_resource_id_name_key" is created by upgrade() but downgrade() drops it with drop_constraint help: the drop_constraint at line 18 fails with: constraint "actions_resource_id_name_key" of relation "actions" does not exist. Replace it with: op.drop_index(op.f("actions_resource_id_name_key"), table_name="actions")$


def downgrade():
    op.drop_constraint(op.f("actions_resource_id_name_key"), table_name="actions")

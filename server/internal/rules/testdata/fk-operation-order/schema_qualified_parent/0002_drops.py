"""the schema's parent table is dropped before its child

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.drop_table("users", schema="pools")  # expect[fk-operation-order]: drop_table("users") runs while table "pools.members" still has a foreign key to it
    op.drop_table("project")  # expect[fk-operation-order]: drop_table("project") runs while table "agreement" still has a foreign key to it


def downgrade():
    pass

"""names may repeat now: the constraint unique=True made goes, under the name the database gave it

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade():
    op.drop_constraint("endpoint_name_key", "endpoint", type_="unique")


def downgrade():
    op.create_unique_constraint("endpoint_name_key", "endpoint", ["name"])

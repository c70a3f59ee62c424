"""autogenerate, seeing the model's unique constraint missing, adds it: it
was never made, so this works

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_unique_constraint("uq_sources_name_code", "sources", ["name", "code"])


def downgrade():
    op.drop_constraint("uq_sources_name_code", "sources", type_="unique")

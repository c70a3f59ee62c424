"""PostgreSQL drops every index holding a dropped column: the downgrade's create_index finds none

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"

period_indexes = (("resource", (("ix_resource_period_group", ("starts", "ends", "group_id")),)),)


def upgrade():
    op.drop_column("resource", "group_id")


def downgrade():
    op.add_column("resource", sa.Column("group_id", sa.Integer()))
    op.create_index("ix_resource_group_current", "resource", ["group_id", "current"])
    for table, indexes in period_indexes:
        for index, fields in indexes:
            op.create_index(index, table, fields)

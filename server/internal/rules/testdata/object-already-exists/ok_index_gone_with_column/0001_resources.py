"""resources, indexed on their group

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None

period_indexes = (("resource", (("ix_resource_period_group", ("starts", "ends", "group_id")),)),)


def upgrade():
    op.create_table(
        "resource",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("group_id", sa.Integer()),
        sa.Column("current", sa.Boolean()),
        sa.Column("starts", sa.DateTime()),
        sa.Column("ends", sa.DateTime()),
    )
    op.create_index("ix_resource_group_current", "resource", ["group_id", "current"])
    for table, indexes in period_indexes:
        for index, fields in indexes:
            op.create_index(index, table, list(fields))


def downgrade():
    op.drop_table("resource")

"""rules and their attributes

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("attributes", sa.Column("id", sa.Integer(), primary_key=True))
    for table in ["group_rules", "policy_rules"]:
        op.create_table(table, sa.Column("id", sa.Integer(), primary_key=True), sa.Column("attribute_id", sa.Integer()))


def downgrade():
    for table in ["group_rules", "policy_rules"]:
        op.drop_table(table)
    op.drop_table("attributes")

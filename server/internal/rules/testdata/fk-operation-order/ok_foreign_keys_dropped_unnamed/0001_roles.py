"""services and permissions

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("service", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("permissions", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("service_id", sa.Integer()))
    op.create_foreign_key(None, "permissions", "service", ["service_id"], ["id"])


def downgrade():
    # the foreign key goes first, unnamed (unnamed-constraint reports it): the table drop is in order
    op.drop_constraint(None, "permissions", type_="foreignkey")
    op.drop_table("service")
    op.drop_table("permissions")

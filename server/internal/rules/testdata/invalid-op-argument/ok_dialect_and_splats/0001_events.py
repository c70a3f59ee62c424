"""dialect options and splats

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None

INDEX_OPTIONS = {"unique": False, "postgresql_using": "gin"}
COLUMNS = [sa.Column("id", sa.Integer(), primary_key=True), sa.Column("tags", sa.ARRAY(sa.String()))]


def upgrade():
    op.create_table("events", *COLUMNS, postgresql_partition_by="RANGE (id)", comment="all events")
    op.create_index("ix_events_tags", "events", ["tags"], **INDEX_OPTIONS)
    with op.get_context().autocommit_block():
        op.create_index("ix_events_id", "events", ["id"], postgresql_concurrently=True, postgresql_where=sa.text("id > 0"))
    op.alter_column("events", "tags", type_=sa.ARRAY(sa.Text()), postgresql_using="tags::text[]")
    op.create_foreign_key("fk_events_parent", "events", "events", ["id"], ["id"], ondelete="CASCADE", postgresql_not_valid=True)
    op.create_check_constraint("ck_events_id", "events", sa.column("id") > 0, postgresql_not_valid=True)
    op.drop_column("events", "tags", mssql_drop_default=True)


def downgrade():
    op.drop_constraint("ck_events_id", "events", type_="check")
    op.drop_constraint("fk_events_parent", "events", type_="foreignkey")
    op.drop_index("ix_events_id", table_name="events", postgresql_concurrently=True)
    op.drop_index("ix_events_tags", table_name="events")
    op.drop_table("events", if_exists=True)

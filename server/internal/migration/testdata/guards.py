"""trigram search, PostgreSQL only

Revision ID: d4e5f6a7b8c9
Revises: c3d4e5f6a7b8
"""
from alembic import context, op

from myapp.migrations import skip_for_legacy

revision = "d4e5f6a7b8c9"
down_revision = "c3d4e5f6a7b8"


def upgrade():
    if skip_for_legacy(op):
        return
    if context.is_offline_mode():
        print("skipping in offline mode")
        return
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_index("ix_docs_title_trgm", "docs", ["title"], postgresql_using="gin")


def downgrade():
    if context.get_context().dialect.name == "sqlite":
        with op.batch_alter_table("docs") as batch_op:
            batch_op.drop_index("ix_docs_title_trgm")
    else:
        op.drop_index("ix_docs_title_trgm", table_name="docs")

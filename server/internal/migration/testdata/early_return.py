"""postgres-only extension and index

Revision ID: 9c0d1e2f3a4b
Revises: 8b9c0d1e2f3a
"""
from alembic import context, op

revision = "9c0d1e2f3a4b"
down_revision = "8b9c0d1e2f3a"


def upgrade():
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        if not context.is_offline_mode():
            return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    with op.batch_alter_table("documents") as batch_op:
        if conn.dialect.name == "sqlite":
            return
        batch_op.drop_column("search_text")
    op.drop_table("documents_search")


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index("ix_documents_title_trgm", postgresql_concurrently=True)
        return
    op.execute("DROP EXTENSION pg_trgm")

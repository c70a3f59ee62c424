"""the view's new name; the downgrade renames it back with rename_table, which
PostgreSQL's ALTER TABLE ... RENAME does for a view too

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade():
    op.execute("ALTER VIEW member_report RENAME TO member_summary")


def downgrade():
    op.rename_table("member_summary", "member_report")

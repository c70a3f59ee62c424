"""the link's url: project_url is read before it goes, and its values printed

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    conn = op.get_bind()
    op.add_column("links", sa.Column("url", sa.Text(), nullable=True))
    rows = conn.execute(sa.text("SELECT id, project_url FROM links")).fetchall()
    op.drop_column("links", "project_url")
    for row_id, value in rows:
        print(row_id, value)  # kept in the migration's log, as the release notes ask


def downgrade():
    op.add_column("links", sa.Column("project_url", sa.Text(), nullable=True))
    op.execute("UPDATE links SET project_url = url")
    op.drop_column("links", "url")

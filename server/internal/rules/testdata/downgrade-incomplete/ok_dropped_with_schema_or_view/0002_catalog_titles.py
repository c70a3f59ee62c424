"""titles of the catalog, in a materialized view of its own schema

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_table("labels", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("title", sa.Text()),
                    schema="catalog")
    op.create_index("labels_title", "labels", ["title"], schema="catalog")
    op.execute("CREATE MATERIALIZED VIEW catalog.label_titles AS SELECT id, title FROM catalog.labels WITH DATA")
    op.create_index("label_titles_id", "label_titles", ["id"], unique=True, schema="catalog")


def downgrade():
    op.execute("DROP MATERIALIZED VIEW catalog.label_titles")
    op.execute("DROP TABLE catalog.labels")

"""an index made in SQL on a table of another schema: its drop names the schema

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("CREATE INDEX idx_statuses_id ON taxonomy.statuses (id)")
    op.execute("CREATE INDEX idx_statuses_value_id ON taxonomy.statuses (value_id)")  # expect[downgrade-incomplete]: help: op.drop_index("idx_statuses_value_id", table_name="statuses", schema="taxonomy")


def downgrade():
    op.execute("DROP INDEX taxonomy.idx_statuses_id")
    op.drop_index("idx_statuses_value_id", table_name="statuses", schema="taxonomy")

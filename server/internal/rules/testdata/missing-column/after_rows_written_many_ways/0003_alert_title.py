"""alerts.title: the rows written changed no table, so the schema is still known

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.add_column("alerts", sa.Column("title", sa.String(80), nullable=True))


def downgrade():
    op.drop_column("latest_alerts", "title")  # expect[missing-column]: "title"

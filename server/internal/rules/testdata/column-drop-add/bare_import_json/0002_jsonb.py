"""payload as jsonb

Revision ID: ev0002
Revises: ev0001
"""
from alembic.op import add_column, drop_column
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "ev0002"
down_revision = "ev0001"
branch_labels = None
depends_on = None

payload = sa.Column("payload", postgresql.JSONB(astext_type=sa.Text()), nullable=True)


def upgrade():
    drop_column("events", "payload")  # expect[column-drop-add]: help: op.alter_column("events", "payload", type_=postgresql.JSONB(astext_type=sa.Text())
    add_column("events", payload)


def downgrade():
    pass

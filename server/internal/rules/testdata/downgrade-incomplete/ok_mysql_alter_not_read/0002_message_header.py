"""a header, dropped by MySQL syntax PostgreSQL's parser rejects

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("messages", sa.Column("header", sa.String(100), nullable=True))
    op.create_index("ix_messages_header", "messages", ["header"])


def downgrade():
    op.execute("ALTER TABLE messages DROP INDEX ix_messages_header, DROP COLUMN header, ALGORITHM=INPLACE, LOCK=NONE")

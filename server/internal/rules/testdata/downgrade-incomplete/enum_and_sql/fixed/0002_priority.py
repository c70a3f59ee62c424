"""ticket priority

Revision ID: 6b7c8d9e0f1a
Revises: 5a6b7c8d9e0f
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "6b7c8d9e0f1a"
down_revision = "5a6b7c8d9e0f"
branch_labels = None
depends_on = None

priority = postgresql.ENUM("low", "high", name="ticket_priority", create_type=False)


def upgrade():
    priority.create(op.get_bind(), checkfirst=True)  # expect[downgrade-incomplete:info]: help: stays behind. Add to downgrade(): priority.drop(op.get_bind(), checkfirst=True)
    op.add_column("tickets", sa.Column("priority", priority, nullable=True))
    op.execute("CREATE INDEX ix_tickets_title ON tickets (title)")  # expect[downgrade-incomplete]: index "ix_tickets_title"


def downgrade():
    op.drop_column("tickets", "priority")
    op.drop_index("ix_tickets_title", table_name="tickets")
    priority.drop(op.get_bind(), checkfirst=True)

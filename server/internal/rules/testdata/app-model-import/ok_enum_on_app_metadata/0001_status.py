"""a status type attached to the application's metadata: no table of today's models is read

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

from crm.models import Base

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

status = sa.Enum("open", "won", "lost", name="lead_status", metadata=Base.metadata)


def upgrade():
    status.create(op.get_bind(), checkfirst=True)
    op.add_column("leads", sa.Column("status", status, nullable=True))


def downgrade():
    op.drop_column("leads", "status")
    status.drop(op.get_bind(), checkfirst=True)

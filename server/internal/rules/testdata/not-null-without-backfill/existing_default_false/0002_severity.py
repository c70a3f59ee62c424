"""alarms get a severity

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
    op.add_column("alarm", sa.Column("severity", sa.String(50), nullable=True))


def downgrade():
    op.drop_column("alarm", "severity")

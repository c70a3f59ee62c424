"""customers.code

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
    # customers comes from SQL the tool cannot read: it may be new, opaque, anything
    op.add_column("customers", sa.Column("code", sa.String(12), nullable=False))


def downgrade():
    op.drop_column("customers", "code")

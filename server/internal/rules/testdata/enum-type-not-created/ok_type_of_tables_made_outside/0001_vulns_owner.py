"""vulns get an owner (the vulns table is made by the application's create_all, with its status type)

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("vulns", sa.Column("owner", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("vulns", "owner")

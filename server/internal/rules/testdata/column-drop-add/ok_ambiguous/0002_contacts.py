"""fax and pager go, a mobile number comes: not a rename of either

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
    op.drop_column("contacts", "fax")
    op.drop_column("contacts", "pager")
    op.add_column("contacts", sa.Column("mobile", sa.String(30)))


def downgrade():
    op.drop_column("contacts", "mobile")
    op.add_column("contacts", sa.Column("pager", sa.String(30)))
    op.add_column("contacts", sa.Column("fax", sa.String(30)))

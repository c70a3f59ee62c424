"""drafts, reshaped while writing the revision

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
    op.create_table("drafts", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("body", sa.String(200)))
    op.drop_column("drafts", "body")
    op.add_column("drafts", sa.Column("body", sa.Text()))


def downgrade():
    op.drop_table("drafts")

"""plans, seeded

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
    plans = op.create_table("plans", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.String(20)))
    op.bulk_insert(plans, [{"id": 1, "name": "free"}])


def downgrade():
    op.drop_table("plans")

"""offers belong to suppliers

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
    op.create_foreign_key(None, "offer", "supplier", ["supplier_id"], ["id"])


def downgrade():
    op.drop_constraint(None, "offer", type_="foreignkey")  # expect[unnamed-constraint]: drops "offer__fkey", not the constraint meant help: PostgreSQL fails with: constraint "offer__fkey" of relation "offer" does not exist

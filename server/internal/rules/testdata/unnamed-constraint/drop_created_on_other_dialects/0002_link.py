"""child references parent where ALTER can add a key; the downgrade drops it unnamed

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
    if op.get_context().dialect.name != "sqlite":
        op.create_foreign_key(None, "child", "parent", ["parent_id"], ["id"])


def downgrade():
    op.drop_constraint(None, "child", type_="foreignkey")  # expect[unnamed-constraint]: help: Name the constraint as it is in the database (each database names unnamed ones its own way). On SQLite a name is not enough

"""audit columns

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def _add_audit_columns():
    op.add_column("orders", sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False))
    op.add_column("orders", sa.Column("updated_at", sa.DateTime(), nullable=True))  # expect[downgrade-incomplete]: column "updated_at"


def _drop_audit_columns():
    op.drop_column("orders", "created_at")


def upgrade():
    _add_audit_columns()


def downgrade():
    _drop_audit_columns()
    op.drop_column("orders", "updated_at")

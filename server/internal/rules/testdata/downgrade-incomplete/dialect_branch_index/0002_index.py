"""an index made on PostgreSQL only: its drop belongs in the same branch

Revision ID: 0002
Revises: 0001
"""
from alembic import context, op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("job", sa.Column("note", sa.Text()))
    if context.get_context().dialect.name == "postgresql":
        op.create_index("ix_job_kind", "job", ["kind"])  # expect[downgrade-incomplete]: index "ix_job_kind" is created by upgrade() but downgrade() never drops it


def downgrade():
    op.drop_column("job", "note")

"""failed jobs

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("ALTER TYPE jobstatus ADD VALUE IF NOT EXISTS 'FAILED'")
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.alter_column(
            "status",
            existing_type=sa.VARCHAR(length=7),
            type_=sa.Enum("PENDING", "RUNNING", "DONE", "FAILED", name="jobstatus"),
            existing_nullable=False,
        )


def downgrade():
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.alter_column(
            "status",
            existing_type=sa.Enum("PENDING", "RUNNING", "DONE", "FAILED", name="jobstatus"),
            type_=sa.VARCHAR(length=7),
            existing_nullable=False,
            postgresql_using="status::text",
        )

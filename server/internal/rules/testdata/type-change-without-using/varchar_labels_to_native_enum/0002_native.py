"""native job status

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column(  # expect[type-change-without-using]: from varchar(7) to enum type jobstatus
        "jobs",
        "status",
        existing_type=sa.VARCHAR(length=7),
        type_=sa.Enum("PENDING", "RUNNING", "DONE", name="jobstatus"),
        existing_nullable=False,
    )


def downgrade():
    op.alter_column(
        "jobs",
        "status",
        existing_type=sa.Enum("PENDING", "RUNNING", "DONE", name="jobstatus"),
        type_=sa.VARCHAR(length=7),
        existing_nullable=False,
    )
    op.execute("DROP TYPE jobstatus")

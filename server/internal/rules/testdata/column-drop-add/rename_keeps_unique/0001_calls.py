"""scheduled calls and tokens

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "calls",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("call_key", sa.String(80), nullable=True),
        sa.Column("running", sa.Boolean(), nullable=True),
        sa.UniqueConstraint("call_key", "running"),
    )
    op.create_table(
        "tokens",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token_value", sa.String(80), nullable=True, unique=True),
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("job", sa.Integer(), nullable=True),
        sa.Column("run_index", sa.Integer(), nullable=True),
        sa.UniqueConstraint("job", "run_index", name="uq_runs_job_run_index"),
    )


def downgrade():
    op.drop_table("runs")
    op.drop_table("tokens")
    op.drop_table("calls")

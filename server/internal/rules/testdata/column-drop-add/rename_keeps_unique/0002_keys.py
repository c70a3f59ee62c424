"""keys get shorter names; calls' key is no longer unique, tokens' still is,
runs' key is dropped first

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.drop_column("calls", "call_key")  # expect[column-drop-add]: looks like a rename help: The drop also removed the uniqueness of (call_key, running), which the rename keeps: drop that constraint or index too if "key" is not meant to be unique$
    op.add_column("calls", sa.Column("key", sa.String(80), nullable=True))
    op.drop_column("tokens", "token_value")  # expect[column-drop-add]: looks like a rename help: new_column_name="value")$
    op.add_column("tokens", sa.Column("value", sa.String(80), nullable=True, unique=True))
    # the key goes first, by name: the rename keeps no uniqueness
    op.drop_constraint("uq_runs_job_run_index", "runs", type_="unique")
    op.drop_column("runs", "run_index")  # expect[column-drop-add]: looks like a rename help: new_column_name="job_run_index")$
    op.add_column("runs", sa.Column("job_run_index", sa.Integer(), nullable=True))


def downgrade():
    op.drop_column("runs", "job_run_index")  # expect[column-drop-add]: looks like a rename in downgrade() help: new_column_name="run_index")$
    op.add_column("runs", sa.Column("run_index", sa.Integer(), nullable=True))
    op.create_unique_constraint("uq_runs_job_run_index", "runs", ["job", "run_index"])
    op.drop_column("tokens", "value")  # expect[column-drop-add]: looks like a rename in downgrade() help: new_column_name="token_value")$
    op.add_column("tokens", sa.Column("token_value", sa.String(80), nullable=True, unique=True))
    op.drop_column("calls", "key")  # expect[column-drop-add]: looks like a rename in downgrade() help: new_column_name="call_key")$
    op.add_column("calls", sa.Column("call_key", sa.String(80), nullable=True))

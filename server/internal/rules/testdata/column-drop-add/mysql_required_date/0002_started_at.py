"""started becomes started_at

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("jobs", sa.Column("started_at", sa.DateTime(), nullable=False))
    op.drop_column("jobs", "started")  # expect[column-drop-add]: looks like a rename help: starts with a zero date on every row (where sql_mode has NO_ZERO_DATE, as MySQL 5.7 and later have by default, the add fails instead)


def downgrade():
    op.add_column("jobs", sa.Column("started", sa.DateTime(), nullable=False))
    op.drop_column("jobs", "started_at")  # expect[column-drop-add]: looks like a rename

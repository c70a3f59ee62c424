"""a table renamed twice, then dropped: only the first rename breaks running code

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.rename_table("sessions", "sessions_old")  # expect[backward-incompatible]: rename_table renames existing table "sessions" to "sessions_old"
    op.rename_table("sessions_old", "sessions_archive")
    op.drop_table("sessions_archive")
    op.execute("ALTER TABLE logs RENAME TO logs_old")  # expect[backward-incompatible]: renames existing table "logs"
    op.execute("ALTER TABLE logs_old RENAME TO logs_archive")
    op.execute("DROP TABLE logs_archive")


def downgrade():
    pass

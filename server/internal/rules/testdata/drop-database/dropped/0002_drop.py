"""second

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"



def upgrade():
    with op.get_context().autocommit_block():
        op.execute("DROP DATABASE IF EXISTS reports")  # expect[drop-database]: DROP DATABASE "reports" in a migration
        op.get_bind().exec_driver_sql("DROP DATABASE archive WITH (FORCE)")  # expect[drop-database]: DROP DATABASE "archive" in a migration


def downgrade():
    pass

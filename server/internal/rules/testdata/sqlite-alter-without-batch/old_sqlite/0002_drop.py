"""notes lose their body (the project supports SQLite 3.31)

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
    op.drop_column("notes", "body")  # expect[sqlite-alter-without-batch]: help: SQLite 3.31 has no DROP COLUMN; 3.35 added it


def downgrade():
    op.add_column("notes", sa.Column("body", sa.Text(), nullable=True))

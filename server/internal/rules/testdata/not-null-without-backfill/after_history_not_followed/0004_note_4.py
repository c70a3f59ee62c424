"""a note column on clients

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"


def upgrade():
    op.add_column("clients", sa.Column("note_4", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("clients", "note_4")

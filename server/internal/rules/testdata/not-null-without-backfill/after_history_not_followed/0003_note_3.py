"""a note column on clients

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.add_column("clients", sa.Column("note_3", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("clients", "note_3")

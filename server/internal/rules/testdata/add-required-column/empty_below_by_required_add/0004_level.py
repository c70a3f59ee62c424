"""a level; 0003 wrote rows, so the table may hold some

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"


def upgrade():
    op.execute("INSERT INTO events (id, kind) VALUES (1, 1)")
    op.add_column("events", sa.Column("level", sa.Integer(), nullable=False))  # expect[add-required-column:error]: NOT NULL and no server_default


def downgrade():
    op.drop_column("events", "level")

"""hosts come back as a column

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("talk_crew", sa.Column("label", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("talk_crew", "label")
    op.add_column("talk_crew", sa.Column("seat", sa.Integer(), nullable=False))  # expect[add-required-column]: NOT NULL and no server_default
    op.drop_column("talk_crew", "seat")

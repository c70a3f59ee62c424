"""jobs

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("jobs", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("legacy", sa.Text()))
    op.create_table("runs", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("notes", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("notes")
    op.drop_table("runs")
    op.drop_table("jobs")

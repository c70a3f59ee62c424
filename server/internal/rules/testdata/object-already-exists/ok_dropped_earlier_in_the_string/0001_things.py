"""things

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
    op.create_table("things", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.Text()))
    op.create_index("ix_things_name", "things", ["name"])
    op.execute("CREATE SEQUENCE things_seq")


def downgrade():
    op.execute("DROP SEQUENCE things_seq")
    op.drop_table("things")

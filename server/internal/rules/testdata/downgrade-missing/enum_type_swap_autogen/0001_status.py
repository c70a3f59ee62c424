"""statuses

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.execute("CREATE TYPE status AS ENUM ('new', 'done')")
    op.create_table("jobs", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("ALTER TABLE jobs ADD COLUMN status status")


def downgrade():
    op.drop_table("jobs")
    op.execute("DROP TYPE status")

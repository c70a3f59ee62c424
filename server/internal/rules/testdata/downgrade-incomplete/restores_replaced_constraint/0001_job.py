"""jobs

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("job", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("kind", sa.Text()), sa.Column("label", sa.Text()))
    op.create_check_constraint("ck_job_kind", "job", "kind IN ('a', 'b')")


def downgrade():
    op.drop_table("job")

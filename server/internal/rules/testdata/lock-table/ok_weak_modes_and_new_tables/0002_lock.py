"""second

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"



def upgrade():
    op.execute("LOCK TABLE users IN ACCESS SHARE MODE")
    op.execute("LOCK TABLE users IN ROW EXCLUSIVE MODE")
    op.execute("LOCK TABLE users IN SHARE UPDATE EXCLUSIVE MODE")
    op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("LOCK TABLE audit IN ACCESS EXCLUSIVE MODE")
    op.execute(f"LOCK TABLE {TABLE}")
    if op.get_context().config.get_main_option("optional_steps") == "on":
        op.execute("LOCK TABLE users")


def downgrade():
    op.drop_table("audit")

"""drop old tables when they are there: the tables are looked up once, at module level

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None

bind = op.get_context().bind
insp = sa.inspect(bind)
tables = insp.get_table_names()


def upgrade():
    if "old_profiles" in tables:
        op.drop_table("old_profiles")


def downgrade():  # expect[downgrade-missing:info]: only makes changes that can run again help: a look at the schema
    pass

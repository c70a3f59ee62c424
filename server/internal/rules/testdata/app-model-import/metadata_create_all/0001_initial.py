"""initial schema from the models

Revision ID: 0001
Revises:
"""
from alembic import op

from myapp.database import Base  # expect[app-model-import]: uses it as an ORM model (`Base.metadata.create_all help: Create the revision's tables one by one instead, as they are at this revision (op.create_table(...), which autogenerate writes), and drop the same tables by name in downgrade() (op.drop_table(...))$
from myapp.database import engine_options

revision = "0001"
down_revision = None


def upgrade():
    Base.metadata.create_all(bind=op.get_bind(), **engine_options())


def downgrade():
    Base.metadata.drop_all(bind=op.get_bind())

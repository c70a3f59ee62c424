"""initial schema from the models

Revision ID: 0001
Revises:
"""
from alembic import op

from myapp.database import Base  # expect[app-model-import]: uses it as an ORM model (`Base.metadata.create_all
from myapp.database import engine_options

revision = "0001"
down_revision = None


def upgrade():
    Base.metadata.create_all(bind=op.get_bind(), **engine_options())


def downgrade():
    Base.metadata.drop_all(bind=op.get_bind())

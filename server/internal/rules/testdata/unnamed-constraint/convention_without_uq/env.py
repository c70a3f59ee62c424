from alembic import context

from models import metadata

target_metadata = metadata

from alembic import context

from app.models import metadata

target_metadata = metadata

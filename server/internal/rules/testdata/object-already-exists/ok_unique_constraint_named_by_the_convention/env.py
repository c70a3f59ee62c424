from alembic import context

from app import models

target_metadata = models.db.metadata

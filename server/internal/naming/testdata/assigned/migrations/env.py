from alembic import context
from shop.core.db import db

target_metadata = db.metadata

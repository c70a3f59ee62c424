from alembic import context
from app import db

target_metadata = db.metadata

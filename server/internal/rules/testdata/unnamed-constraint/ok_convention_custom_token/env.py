from alembic import context
from flask import current_app

target_metadata = current_app.extensions["migrate"].db.metadata

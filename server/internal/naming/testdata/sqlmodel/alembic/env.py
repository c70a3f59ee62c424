from alembic import context

import app.models

target_metadata = app.models.Item.metadata

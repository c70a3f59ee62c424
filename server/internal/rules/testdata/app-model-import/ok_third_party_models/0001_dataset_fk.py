"""dataset foreign keys

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

from taxonomylib.models import Dataset

revision = "0001"
down_revision = None


def upgrade():
    bind = op.get_bind()
    for row in bind.execute(sa.text("SELECT id, body FROM datasets")):
        validated = Dataset(**row.body).dict()
        bind.execute(sa.text("UPDATE datasets SET fides_key = :k WHERE id = :id"), {"k": validated["fides_key"], "id": row.id})


def downgrade():
    pass
